package org.tomprotocol.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.tomprotocol.core.wire.GroupSnapshot;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * The node's groups (docs/groups.md): the application's commands — create, invite, accept, leave, remove, set a role,
 * post — and the group frames from other nodes, dispatched to each group's {@link GroupState}. A command that cannot
 * be carried out (an unknown group, a right this node lacks) throws {@link IllegalArgumentException} or
 * {@link IllegalStateException} naming what to fix; a frame that cannot be taken is counted as
 * {@code rejected.group-<reason>} and changes nothing. The founder is the hub of epoch 1. With a store, each group's
 * state is kept across a restart ({@link GroupKeeping}, {@link #restore}). Pure: time and ids are passed in; agent thread only.
 */
public final class GroupsMachine implements MessageHolder {
    private final LocalIdentity identity;
    private final CryptoSuite crypto;
    private final MemberCapabilities capabilities;
    private final HeldEvents effects;
    private final Map<String, GroupState> groups = new LinkedHashMap<>();
    private final GroupInvitations invitations;
    private final GroupKeeping keeping;
    private boolean postCopies = true;

    public GroupsMachine(LocalIdentity identity, CryptoSuite crypto, GroupEffects effects,
                         MemberCapabilities capabilities) {
        this.identity = identity;
        this.crypto = crypto;
        this.capabilities = capabilities;
        this.effects = new HeldEvents(effects, () -> groups.values().stream().map(GroupState::info).toList(),
                this::pendingInvites);
        this.keeping = new GroupKeeping(this.effects);
        this.invitations = new GroupInvitations(identity, this.effects);
    }

    /**
     * Whether this node's posts also go straight to the other members (docs/groups.md §6; default on): one link
     * sooner, but a member being removed can read what an author sends before it learns of the removal.
     */
    public void postCopies(boolean send) {
        postCopies = send;
    }

    /** Whether the node keeps its groups in a store (docs/groups.md §10): their state is then handed to it. */
    public void keepGroups(boolean keep) {
        keeping.enable(keep);
    }

    /** Every group's state now, for the store: the node is closing. */
    public List<GroupSnapshot> snapshots(long now) {
        return groups.values().stream().filter(state -> !state.ended()).map(state -> state.snapshot(now)).toList();
    }

    /** A group post the application was shown before a restart: never shown again. */
    public record Shown(NodeId sender, MessageId id) {
    }

    /**
     * Takes back a group from what the node's store kept before a restart, with the posts it had shown (see
     * {@link GroupState#resume}); a kept
     * state whose history does not prove this node a member is refused and counted. A hub that was alone in its group
     * goes on ordering in its epoch from where it stood (should a newcomer have joined just before the crash, that
     * newcomer, its shadow, claims the next epoch and the restarted hub follows it).
     */
    public void restore(GroupSnapshot kept, List<Shown> shown, long now) {
        if (groups.containsKey(kept.group())) {
            effects.count("rejected.group-kept-twice");
            return;
        }
        Optional<GroupMembership> membership = replay(kept.history());
        if (membership.isEmpty() || !membership.get().members().containsKey(local())) {
            effects.count("rejected.group-kept-history");
            return;
        }
        GroupState state = new GroupState(membership.get(), kept.history(), kept.hub(), kept.epoch(), kept.nextSeq(),
                identity, crypto, effects, capabilities);
        groups.put(kept.group(), state);
        state.resume(kept, shown, now);
        effects.count("groups-restored");
        endOfTurn(now);
        // no event: the application finds the group in the snapshot, as it was before the restart
        effects.snapshot();
        effects.flush();
    }

    private List<GroupInvite> pendingInvites() {
        return invitations.pending();
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
        invitations.send(new GroupFrame.Invitation(id.value(), state.hub(), state.epoch(), state.history().entries(), invite),
                invitee, now);
    }

    /** Takes an invitation: this node's signed join goes to the hub, which welcomes it. */
    public void accept(GroupId id, long now) {
        invitations.accept(id, now);
    }

    /** Forgets an invitation. */
    public void decline(GroupId id) {
        invitations.decline(id);
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
            keeping.forget(id.value());
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
            member(id).post(message, body, postCopies, now);
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
            case GroupFrame.Invitation invitation -> {
                if (groups.containsKey(frame.group())) {
                    effects.count("rejected.group-already-member");
                } else {
                    invitations.received(from, invitation, this::replay, now);
                }
            }
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
            case GroupFrame.PostCopy copy -> {
                if (state == null) {
                    effects.count("rejected.group-unknown-group");
                } else {
                    state.onPostCopy(from, copy.item(), now);
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
        keeping.keep(groups.values(), now);
    }

    private void welcomed(NodeId from, GroupFrame.Welcome welcome, long now) {
        if (!invitations.awaits(from, welcome)) {
            effects.count("rejected.group-unexpected-welcome");
            return;
        }
        Optional<GroupMembership> membership = replay(welcome.history());
        if (membership.isEmpty() || !membership.get().members().containsKey(local())) {
            effects.count("rejected.group-forged-history");
            return;
        }
        invitations.joined(welcome.group());
        GroupState state = new GroupState(membership.get(), welcome.history(), from, welcome.epoch(),
                welcome.nextSeq(), identity, crypto, effects, capabilities);
        groups.put(welcome.group(), state);
        state.rotateKeys(now);
        effects.groupEvent(new GroupEvent.Joined(state.info(), Instant.ofEpochMilli(now)));
    }

    private Optional<GroupMembership> replay(List<GroupFrame.Ordered> history) {
        return GroupHistory.prove(history, crypto);
    }

    private void endIfLeft(String group, long now) {
        GroupState state = groups.get(group);
        if (state != null && state.ended()) {
            groups.remove(group);
            keeping.forget(group);
        }
    }

    /** Sends again what is due, as hub and as member; forgets lapsed invitations. */
    public void tick(long now) {
        List<GroupState> states = new ArrayList<>(groups.values());
        states.forEach(state -> state.tick(now));
        invitations.tick(now, (group, invitee) -> !groups.containsKey(group)
                || groups.get(group).membership().members().containsKey(invitee));
        endOfTurn(now);
        List<String> ended = groups.keySet().stream().filter(group -> groups.get(group).ended()).toList();
        ended.forEach(group -> {
            groups.remove(group);
            keeping.forget(group);
        });
        effects.flush();
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
