package org.tomprotocol.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.BiPredicate;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.state.Backoff;

/**
 * The invitations around one node (docs/groups.md §3): those it sent, sent again until their invitee is a member or
 * they lapse; those it holds, checked against the history they carry; and the joins it asked for, sent again until
 * the hub's welcome. Pure; agent thread only.
 */
final class GroupInvitations {
    /** Invitations still unanswered are sent again at most this far apart. */
    private static final long MAX_INVITE_RETRY_MS = 10 * 60_000L;

    /** An invitation this node holds: the frame, with the membership it proved. */
    record Invitation(GroupFrame.Invitation frame, GroupStatement.Invite invite, String name) {
    }

    /** An invitation this node sent, sent again until its invitee is a member or it lapses. */
    private static final class Outgoing {
        final GroupFrame.Invitation frame;
        final NodeId invitee;
        final long expiresAt;
        final Backoff backoff = new Backoff(GroupHub.RETRY_MS, MAX_INVITE_RETRY_MS);
        long retryAt;

        Outgoing(GroupFrame.Invitation frame, NodeId invitee, long expiresAt, long now) {
            this.frame = frame;
            this.invitee = invitee;
            this.expiresAt = expiresAt;
            this.retryAt = now + backoff.next();
        }
    }

    private final LocalIdentity identity;
    private final HeldEvents effects;
    private final Map<String, Invitation> held = new HashMap<>();
    private final List<Outgoing> outgoing = new ArrayList<>();
    /** Joins this node asked for, by group, until the hub's welcome. */
    private final Map<String, SignedGroupStatement> joining = new HashMap<>();
    /** When joins waiting for their welcome were last sent again: once a second. */
    private long lastJoinResend;

    GroupInvitations(LocalIdentity identity, HeldEvents effects) {
        this.identity = identity;
        this.effects = effects;
    }

    /** Sends {@code frame} to {@code invitee}, and again until it is a member or the invitation lapses. */
    void send(GroupFrame.Invitation frame, NodeId invitee, long now) {
        effects.count("group-invites-sent");
        outgoing.removeIf(earlier -> earlier.frame.group().equals(frame.group()) && earlier.invitee.equals(invitee));
        outgoing.add(new Outgoing(frame, invitee, now + GroupStatement.MAX_INVITE_LIFETIME_MS, now));
        effects.sendGroupFrame(invitee, frame);
    }

    /** Takes the invitation to {@code id}: this node's signed join goes to the hub, which welcomes it. */
    void accept(GroupId id, long now) {
        Invitation invitation = held.get(id.value());
        if (invitation == null) {
            throw new IllegalArgumentException("no invitation to " + id + " is waiting; see pendingInvites()");
        }
        if (now >= invitation.invite().expiresAt()) {
            held.remove(id.value());
            effects.snapshot();
            throw new IllegalStateException("the invitation to " + id + " expired");
        }
        SignedGroupStatement join = SignedGroupStatement.sign(new GroupStatement.Join(invitation.invite(),
                invitation.frame().invite().signature()), identity);
        joining.put(id.value(), join);
        effects.sendGroupFrame(invitation.frame().hub(), new GroupFrame.Submit(id.value(), join));
    }

    /** Forgets the invitation to {@code id}. */
    void decline(GroupId id) {
        if (held.remove(id.value()) != null) {
            joining.remove(id.value());
            effects.snapshot();
        }
    }

    /**
     * An invitation from {@code from}: kept if it is signed by its inviter, for this node, and the history it carries
     * (read by {@code proven}) gives the inviter the right to invite.
     */
    void received(NodeId from, GroupFrame.Invitation frame, Function<List<GroupFrame.Ordered>,
            Optional<GroupMembership>> proven, long now) {
        if (!(frame.invite().statement() instanceof GroupStatement.Invite invite) || !invite.inviter().equals(from)
                || !invite.invitee().equals(identity.id()) || !invite.group().equals(frame.group())) {
            effects.count("rejected.group-forged-invite");
            return;
        }
        Optional<GroupMembership> membership = proven.apply(frame.history());
        if (membership.isEmpty()) {
            effects.count("rejected.group-forged-history");
            return;
        }
        Optional<String> problem = membership.get().invitationProblem(invite, frame.invite().signature(), now);
        if (problem.isPresent()) {
            effects.count("rejected.group-" + problem.get());
            return;
        }
        held.put(frame.group(), new Invitation(frame, invite, membership.get().name()));
        effects.count("group-invites-received");
        effects.groupEvent(new GroupEvent.Invited(pending(frame.group()), Instant.ofEpochMilli(now)));
    }

    /** Whether {@code welcome}, from {@code from}, answers a join this node asked for, from the hub that invited it. */
    boolean awaits(NodeId from, GroupFrame.Welcome welcome) {
        Invitation invitation = held.get(welcome.group());
        return joining.containsKey(welcome.group()) && invitation != null && from.equals(invitation.frame().hub())
                && welcome.hub().equals(from);
    }

    /** This node is now a member of {@code group}: its invitation and join are done. */
    void joined(String group) {
        joining.remove(group);
        held.remove(group);
    }

    /** The invitations this node holds, for the application. */
    List<GroupInvite> pending() {
        return held.keySet().stream().map(this::pending).toList();
    }

    private GroupInvite pending(String group) {
        Invitation invitation = held.get(group);
        return new GroupInvite(new GroupId(group), invitation.name(), invitation.invite().inviter(),
                Instant.ofEpochMilli(invitation.invite().expiresAt()));
    }

    /**
     * Sends again the invitations and joins that are due; forgets those that lapsed, and the invitations whose
     * invitee is now a member, or whose group this node is no longer in ({@code settled}, given the group and the
     * invitee).
     */
    void tick(long now, BiPredicate<String, NodeId> settled) {
        outgoing.removeIf(invitation -> now >= invitation.expiresAt
                || settled.test(invitation.frame.group(), invitation.invitee));
        for (Outgoing invitation : outgoing) {
            if (now >= invitation.retryAt) {
                effects.count("group-invites-resent");
                effects.sendGroupFrame(invitation.invitee, invitation.frame);
                invitation.retryAt = now + invitation.backoff.next();
            }
        }
        if (now - lastJoinResend >= GroupHub.RETRY_MS) {
            lastJoinResend = now;
            for (Map.Entry<String, SignedGroupStatement> entry : joining.entrySet()) {
                Invitation invitation = held.get(entry.getKey());
                if (invitation != null) {
                    effects.sendGroupFrame(invitation.frame().hub(),
                            new GroupFrame.Submit(entry.getKey(), entry.getValue()));
                }
            }
        }
        if (held.values().removeIf(invitation -> now >= invitation.invite().expiresAt())) {
            joining.keySet().retainAll(held.keySet());
            effects.snapshot();
        }
    }
}
