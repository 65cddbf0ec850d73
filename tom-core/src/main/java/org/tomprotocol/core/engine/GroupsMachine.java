package org.tomprotocol.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.state.Backoff;

/**
 * The node's groups (docs/groups.md): the application's commands — create, invite, accept, leave, remove, set a role,
 * post — and the group frames from other nodes, dispatched to each group's {@link GroupState}. A command that cannot
 * be carried out (an unknown group, a right this node lacks) throws {@link IllegalArgumentException} or
 * {@link IllegalStateException} naming what to fix; a frame that cannot be taken is counted as
 * {@code rejected.group-<reason>} and changes nothing. Until hub failover lands, the founder is the hub of epoch 1.
 * Pure: time and ids are passed in; agent thread only.
 */
public final class GroupsMachine implements MessageHolder {
    private static final System.Logger LOG = System.getLogger(GroupsMachine.class.getName());

    /** An invitation this node holds: the frame, with the membership it proved. */
    private record Invitation(GroupFrame.Invitation frame, GroupStatement.Invite invite, String name) {
    }

    private final LocalIdentity identity;
    private final CryptoSuite crypto;
    private final MemberCapabilities capabilities;
    private final HeldEvents effects;
    private final Map<String, GroupState> groups = new LinkedHashMap<>();
    private final Map<String, Invitation> invitations = new HashMap<>();
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

    /** Invitations still unanswered are sent again at most this far apart. */
    private static final long MAX_INVITE_RETRY_MS = 10 * 60_000L;
    private final List<Outgoing> outgoing = new ArrayList<>();
    /** Joins this node asked for, by group, until the hub's welcome. */
    private final Map<String, SignedGroupStatement> joining = new HashMap<>();
    /** When joins waiting for their welcome were last sent again: once a second. */
    private long lastJoinResend;

    public GroupsMachine(LocalIdentity identity, CryptoSuite crypto, GroupEffects effects,
                         MemberCapabilities capabilities) {
        this.identity = identity;
        this.crypto = crypto;
        this.capabilities = capabilities;
        this.effects = new HeldEvents(effects, () -> groups.values().stream().map(GroupState::info).toList(),
                () -> invitations.keySet().stream().map(this::invitation).toList());
    }

    private NodeId local() {
        return identity.id();
    }

    /** Founds a group hosted by this node. */
    public GroupInfo create(GroupId id, String name, long now) {
        SignedGroupStatement create = SignedGroupStatement.sign(
                new GroupStatement.Create(id.value(), name, local(), now), identity);
        GroupMembership membership = GroupMembership.founded(create, crypto).orElseThrow();
        GroupState state = new GroupState(membership, List.of(new GroupFrame.Ordered(0, now, create)), local(), 1, 1,
                identity, crypto, effects, capabilities);
        groups.put(id.value(), state);
        state.rotateKeys(now);
        GroupInfo info = state.info();
        effects.groupEvent(new GroupEvent.Joined(info, Instant.ofEpochMilli(now)));
        return info;
    }

    /** Invites {@code invitee} into a group this node administers, for 24 hours. */
    public void invite(GroupId id, NodeId invitee, long now) {
        GroupState state = member(id);
        if (!state.membership().isAdmin(local())) {
            throw new IllegalStateException("only an admin of " + id + " can invite; this node is a plain member");
        }
        if (state.membership().members().containsKey(invitee)) {
            throw new IllegalArgumentException(invitee.shortForm() + " is already a member of " + id);
        }
        byte[] nonce = Arrays.copyOf(crypto.newSymmetricKey(), GroupStatement.NONCE_BYTES);
        SignedGroupStatement invite = SignedGroupStatement.sign(new GroupStatement.Invite(id.value(), invitee, local(),
                now, now + GroupStatement.MAX_INVITE_LIFETIME_MS, nonce), identity);
        effects.count("group-invites-sent");
        GroupFrame.Invitation frame = new GroupFrame.Invitation(id.value(), state.hub(), state.epoch(),
                state.history(), invite);
        outgoing.removeIf(earlier -> earlier.frame.group().equals(id.value()) && earlier.invitee.equals(invitee));
        outgoing.add(new Outgoing(frame, invitee, now + GroupStatement.MAX_INVITE_LIFETIME_MS, now));
        effects.sendGroupFrame(invitee, frame);
    }

    /** Takes an invitation: this node's signed join goes to the hub, which welcomes it. */
    public void accept(GroupId id, long now) {
        Invitation invitation = invitations.get(id.value());
        if (invitation == null) {
            throw new IllegalArgumentException("no invitation to " + id + " is waiting; see pendingInvites()");
        }
        if (now >= invitation.invite().expiresAt()) {
            invitations.remove(id.value());
            changed();
            throw new IllegalStateException("the invitation to " + id + " expired");
        }
        SignedGroupStatement join = SignedGroupStatement.sign(new GroupStatement.Join(invitation.invite(),
                invitation.frame().invite().signature()), identity);
        joining.put(id.value(), join);
        effects.sendGroupFrame(invitation.frame().hub(), new GroupFrame.Submit(id.value(), join));
    }

    /** Forgets an invitation. */
    public void decline(GroupId id) {
        if (invitations.remove(id.value()) != null) {
            joining.remove(id.value());
            changed();
        }
    }

    /**
     * Leaves a group; a hub alone in its group simply closes it, a hub with members orders its own leaving and its
     * shadow takes over at once (docs/groups.md §5).
     */
    public void leave(GroupId id, long now) {
        GroupState state = member(id);
        if (state.membership().isLastAdminAmongOthers(local())) {
            throw new IllegalStateException("this node is the last admin of " + id + ": make another member an admin"
                    + " first (setRole), then leave");
        }
        if (state.isHub() && state.membership().members().size() == 1) {
            groups.remove(id.value());
            effects.groupEvent(new GroupEvent.MemberLeft(id, local(), Instant.ofEpochMilli(now)));
            return;
        }
        state.submit(SignedGroupStatement.sign(new GroupStatement.Leave(id.value(), local(), now), identity), now);
    }

    /** Removes a member from a group this node administers. */
    public void remove(GroupId id, NodeId member, long now) {
        GroupState state = admin(id, member);
        if (state.membership().isLastAdminAmongOthers(member)) {
            throw new IllegalStateException(member.shortForm() + " is the last admin of " + id + ": make another"
                    + " member an admin first (setRole)");
        }
        state.submit(SignedGroupStatement.sign(new GroupStatement.Remove(id.value(), member, local(), now), identity),
                now);
    }

    /** Makes a member an admin, or an admin a plain member. */
    public void setRole(GroupId id, NodeId member, boolean admin, long now) {
        GroupState state = admin(id, member);
        state.submit(SignedGroupStatement.sign(new GroupStatement.SetRole(id.value(), member, admin, local(), now),
                identity), now);
    }

    private GroupState admin(GroupId id, NodeId member) {
        GroupState state = member(id);
        if (!state.membership().isAdmin(local())) {
            throw new IllegalStateException("only an admin of " + id + " can do this; this node is a plain member");
        }
        if (!state.membership().members().containsKey(member)) {
            throw new IllegalArgumentException(member.shortForm() + " is not a member of " + id);
        }
        return state;
    }

    /** Posts {@code body} to a group as message {@code id}; the hub's ordering of it comes as an event. */
    public void send(GroupId id, MessageId message, byte[] body, long now) {
        if (body.length > SenderChain.MAX_BODY_BYTES) {
            throw new IllegalArgumentException("a group message is at most " + SenderChain.MAX_BODY_BYTES
                    + " bytes, got " + body.length);
        }
        try {
            member(id).post(message, body, now);
        } catch (CryptoException e) {
            throw new IllegalStateException("could not encrypt the group message: " + e.getMessage(), e);
        }
    }

    private GroupState member(GroupId id) {
        GroupState state = groups.get(id.value());
        if (state == null) {
            throw new IllegalArgumentException("this node is not a member of " + id + "; see groups()");
        }
        return state;
    }

    /** A group frame from {@code from}, sealed to this node and signed by {@code from}. */
    public void onFrame(NodeId from, GroupFrame frame, long now) {
        GroupState state = groups.get(frame.group());
        switch (frame) {
            case GroupFrame.Invitation invitation -> invited(from, invitation, now);
            case GroupFrame.Welcome welcome -> welcomed(from, welcome, now);
            case GroupFrame.Submit submit -> {
                if (state == null || !state.isHub()) {
                    effects.count("rejected.group-not-the-hub");
                } else if (!mayPassOn(state, from, submit.item().statement())
                        || !submit.item().statement().group().equals(frame.group())) {
                    effects.count("rejected.group-submit-not-from-author");
                } else {
                    state.submit(submit.item(), now);
                }
            }
            case GroupFrame.Stream stream -> {
                if (state == null) {
                    effects.count("rejected.group-unknown-group");
                } else {
                    state.onStream(from, stream, now);
                }
            }
            case GroupFrame.StreamAck ack -> {
                if (state == null || !state.isHub() || ack.epoch() != state.epoch()) {
                    effects.count("rejected.group-not-the-hub");
                } else {
                    state.hubSide().acknowledged(from, ack.nextSeq(), ack.gap(), now);
                }
            }
            case GroupFrame.HubClaim claim -> {
                if (state == null) {
                    effects.count("rejected.group-unknown-group");
                } else {
                    state.onClaim(from, claim.claim(), now);
                }
            }
            case GroupFrame.Receipt receipt -> {
                if (state == null) {
                    effects.count("rejected.group-unknown-group");
                } else {
                    state.onReceipt(from, receipt.receipt(), now);
                }
            }
        }
        endOfTurn(now);
        endIfLeft(frame.group(), now);
        effects.flush();
    }

    /**
     * Whether {@code from} may hand the hub {@code statement}: its author may; so may another member for a post or
     * keys, whose author's signature the hub checks (a member sends again, after a failover, what the deposed hub
     * itself had posted).
     */
    private static boolean mayPassOn(GroupState state, NodeId from, GroupStatement statement) {
        return statement.author().equals(from) || (state.membership().members().containsKey(from)
                && (statement instanceof GroupStatement.Post || statement instanceof GroupStatement.SenderKeys));
    }

    /** What the hubs of this turn queued goes out now, entries to the same member sharing frames. */
    private void endOfTurn(long now) {
        groups.values().forEach(state -> state.flush(now));
    }

    private void invited(NodeId from, GroupFrame.Invitation frame, long now) {
        if (groups.containsKey(frame.group())) {
            effects.count("rejected.group-already-member");
            return;
        }
        if (!(frame.invite().statement() instanceof GroupStatement.Invite invite) || !invite.inviter().equals(from)
                || !invite.invitee().equals(local()) || !invite.group().equals(frame.group())) {
            effects.count("rejected.group-forged-invite");
            return;
        }
        Optional<GroupMembership> membership = replay(frame.history());
        if (membership.isEmpty()) {
            effects.count("rejected.group-forged-history");
            return;
        }
        Optional<String> problem = membership.get().invitationProblem(invite, frame.invite().signature(), now);
        if (problem.isPresent()) {
            effects.count("rejected.group-" + problem.get());
            return;
        }
        invitations.put(frame.group(), new Invitation(frame, invite, membership.get().name()));
        effects.count("group-invites-received");
        effects.groupEvent(new GroupEvent.Invited(invitation(frame.group()), Instant.ofEpochMilli(now)));
    }

    private GroupInvite invitation(String group) {
        Invitation invitation = invitations.get(group);
        return new GroupInvite(new GroupId(group), invitation.name(), invitation.invite().inviter(),
                Instant.ofEpochMilli(invitation.invite().expiresAt()));
    }

    private void welcomed(NodeId from, GroupFrame.Welcome welcome, long now) {
        SignedGroupStatement join = joining.get(welcome.group());
        Invitation invitation = invitations.get(welcome.group());
        if (join == null || invitation == null || !from.equals(invitation.frame().hub())
                || !welcome.hub().equals(from)) {
            effects.count("rejected.group-unexpected-welcome");
            return;
        }
        Optional<GroupMembership> membership = replay(welcome.history());
        if (membership.isEmpty() || !membership.get().members().containsKey(local())) {
            effects.count("rejected.group-forged-history");
            return;
        }
        joining.remove(welcome.group());
        invitations.remove(welcome.group());
        GroupState state = new GroupState(membership.get(), welcome.history(), from, welcome.epoch(),
                welcome.nextSeq(), identity, crypto, effects, capabilities);
        groups.put(welcome.group(), state);
        state.rotateKeys(now);
        effects.groupEvent(new GroupEvent.Joined(state.info(), Instant.ofEpochMilli(now)));
    }

    /**
     * The membership a history proves: founded by its first statement, each later one applied at the time the hub
     * ordered it; empty if any link fails (a forged or out-of-authority statement, a gap in the founding).
     */
    private Optional<GroupMembership> replay(List<GroupFrame.Ordered> history) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Optional<GroupMembership> founded = GroupMembership.founded(history.get(0).item(), crypto);
        if (founded.isEmpty()) {
            return Optional.empty();
        }
        for (GroupFrame.Ordered entry : history.subList(1, history.size())) {
            GroupMembership.Verdict verdict = founded.get().apply(entry.item(), entry.orderedAt());
            if (!verdict.accepted()) {
                LOG.log(System.Logger.Level.DEBUG, "a group history fails at {0}: {1}", entry.seq(),
                        verdict.rejectedBecause());
                return Optional.empty();
            }
        }
        return founded;
    }

    private void endIfLeft(String group, long now) {
        GroupState state = groups.get(group);
        if (state != null && state.ended()) {
            groups.remove(group);
        }
    }

    /** Sends again what is due, as hub and as member; forgets lapsed invitations. */
    public void tick(long now) {
        List<GroupState> states = new ArrayList<>(groups.values());
        states.forEach(state -> state.tick(now));
        outgoing.removeIf(invitation -> now >= invitation.expiresAt || !groups.containsKey(invitation.frame.group())
                || groups.get(invitation.frame.group()).membership().members().containsKey(invitation.invitee));
        for (Outgoing invitation : outgoing) {
            if (now >= invitation.retryAt) {
                effects.count("group-invites-resent");
                effects.sendGroupFrame(invitation.invitee, invitation.frame);
                invitation.retryAt = now + invitation.backoff.next();
            }
        }
        boolean joinsDue = now - lastJoinResend >= GroupHub.RETRY_MS;
        if (joinsDue) {
            lastJoinResend = now;
        }
        for (Map.Entry<String, SignedGroupStatement> entry : joining.entrySet()) {
            Invitation invitation = invitations.get(entry.getKey());
            if (invitation != null && joinsDue) {
                effects.sendGroupFrame(invitation.frame().hub(), new GroupFrame.Submit(entry.getKey(), entry.getValue()));
            }
        }
        if (invitations.values().removeIf(invitation -> now >= invitation.invite().expiresAt())) {
            joining.keySet().retainAll(invitations.keySet());
            changed();
        }
        endOfTurn(now);
        groups.keySet().removeIf(group -> groups.get(group).ended());
        effects.flush();
    }

    /** The snapshot changed without an event (an invitation declined or lapsed). */
    private void changed() {
        effects.snapshot();
    }

    /** Ends an application's command: a group it left goes; the new snapshot, then the command's events. */
    public void endOfCommand(GroupId group, long now) {
        endOfTurn(now);
        endIfLeft(group.value(), now);
        effects.flush();
    }

    @Override
    public int messagesHeld() {
        int held = 0;
        for (GroupState state : groups.values()) {
            held += state.messagesHeld();
        }
        return held;
    }

    public void purge(long now) {
        groups.values().forEach(state -> state.purge(now));
    }
}
