package org.tomprotocol.core.engine;

import java.time.Instant;
import java.util.List;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInfo;
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
 * One group as one member holds it (docs/groups.md §2–§4): its membership and the signed history that proves it, the
 * hub it follows and its epoch, its inbox of the hub's stream, its sender keys, its own statements not yet ordered
 * ({@link GroupSubmissions}), its receipts and its watch over the hub ({@link GroupFailover}). On the hub node it
 * also holds the {@link GroupHub}. Pure; agent thread only.
 */
final class GroupState implements MessageHolder {
    private final String group;
    private final LocalIdentity identity;
    private final CryptoSuite crypto;
    private final GroupEffects effects;
    private final GroupMembership membership;
    private final GroupHistory history;
    private final GroupInbox inbox;
    private final GroupKeys keys;
    private final GroupSubmissions pending;
    private final GroupReceipts receipts;
    private final GroupSuccession succession;
    private final GroupFailover failover;
    private final GroupReading reading;
    private final GroupChanges changes;
    private final GroupPostCopies copies;
    private NodeId hub;
    private GroupHub hubSide;
    private boolean ended;

    GroupState(GroupMembership membership, List<GroupFrame.Ordered> history, NodeId hub, long epoch, long nextSeq,
               LocalIdentity identity, CryptoSuite crypto, GroupEffects effects, MemberCapabilities capabilities) {
        this.group = membership.group();
        this.membership = membership;
        this.history = new GroupHistory(history);
        this.hub = hub;
        this.identity = identity;
        this.crypto = crypto;
        this.effects = effects;
        this.inbox = new GroupInbox(epoch, nextSeq);
        this.keys = new GroupKeys(crypto, identity, group);
        this.pending = new GroupSubmissions(group, identity.id(), effects);
        this.receipts = new GroupReceipts(this, identity, effects);
        this.succession = new GroupSuccession(identity, crypto, 0);
        succession.follows(epoch, hub);
        this.failover = new GroupFailover(this, identity, effects, succession, capabilities);
        this.reading = new GroupReading(group, identity.id(), crypto, keys, membership, receipts, effects);
        this.changes = new GroupChanges(this, membership, keys, failover, effects);
        this.copies = new GroupPostCopies(this, membership, inbox, reading, receipts, effects);
        if (hub.equals(identity.id())) {
            hubSide = new GroupHub(this, epoch, effects);
        }
    }

    String group() {
        return group;
    }

    NodeId local() {
        return identity.id();
    }

    CryptoSuite crypto() {
        return crypto;
    }

    GroupMembership membership() {
        return membership;
    }

    NodeId hub() {
        return hub;
    }

    long epoch() {
        return inbox.epoch();
    }

    /** The next place this member expects in the hub's stream. */
    long nextSeq() {
        return inbox.nextSeq();
    }

    /** What a store keeps of this group (docs/groups.md §10): all but this member's own chain. */
    GroupSnapshot snapshot(long now) {
        return new GroupSnapshot(group, hub, inbox.epoch(), inbox.nextSeq(), keys.nextKeyEpoch(), now,
                history.entries(), succession.succession(), keys.kept());
    }

    /** Where this member stands, as far as its store cares (see {@link GroupKeeping}). */
    GroupKeeping.Progress progress() {
        return new GroupKeeping.Progress(hub, inbox.epoch(), history.size(), keys.nextKeyEpoch(), inbox.nextSeq());
    }

    /**
     * A member restarted from what its store kept: the posts it showed (a post shown after the last kept state comes
     * again, and is dropped), the chains it read, the succession it took, its own key epochs
     * going on past every one it may have granted (a rotation just before a crash may not have been kept), and a
     * fresh chain of its own for the others. A hub with other members does not order again — it cannot know what it
     * ordered after its last save: it follows its own epoch without ordering until its shadow claims the next one,
     * which it then follows like any member. A member asks its hub for the stream from where it stood.
     */
    void resume(GroupSnapshot kept, List<GroupsMachine.Shown> shown, long now) {
        keys.restore(kept.readers(), kept.nextKeyEpoch() + 1);
        shown.forEach(post -> inbox.shownBefore(post.sender(), post.id(), now));
        if (kept.succession() != null) {
            String refusal = succession.accept(kept.succession(), hub, inbox.epoch());
            if (refusal != null) {
                effects.count("rejected.group-kept-" + refusal);
            }
        }
        succession.restarted(now);
        if (hubSide != null && membership.members().size() > 1) {
            hubSide = null;
            effects.count("group-hub-stood-aside");
        }
        rotateKeys(now);
        if (!hub.equals(local())) {
            effects.sendGroupFrame(hub, new GroupFrame.StreamAck(group, inbox.epoch(), inbox.nextSeq(), true));
        }
    }

    /** This node took the group over under {@code epoch}: it orders from now on, and tells every member. */
    void becomeHub(long epoch, GroupFrame.HubClaim claim, long now) {
        hub = local();
        succession.follows(epoch, hub);
        inbox.followEpoch(epoch);
        hubSide = new GroupHub(this, epoch, effects);
        hubSide.announce(claim, now);
    }

    /** This member follows {@code newHub} under {@code epoch} (a hub that was deposed steps down). */
    void follow(NodeId newHub, long epoch, long now) {
        if (hubSide != null) {
            hubSide.steppedDown(now);
        }
        hubSide = null;
        hub = newHub;
        succession.follows(epoch, newHub);
        inbox.followEpoch(epoch);
    }

    /** Sends what the hub has not ordered yet to the hub, now (a new hub took over). */
    void resendPending(long now) {
        if (hubSide != null) {
            pending.drain().forEach(item -> submit(item, now));
        } else {
            pending.resendAll(hub, now);
        }
    }

    /** The claims this member followed before {@code epoch}, oldest first (see {@link GroupSuccession#claimsBefore}). */
    List<SignedGroupStatement> claimsBefore(long epoch) {
        return succession.claimsBefore(epoch);
    }

    /** A claim to take the group over (see {@link GroupFailover#onClaim}). */
    void onClaim(NodeId from, SignedGroupStatement claim, long now) {
        failover.onClaim(from, claim, now);
    }

    boolean isHub() {
        return hubSide != null;
    }

    GroupHub hubSide() {
        return hubSide;
    }

    /** Whether this node is no longer a member (it left or was removed). */
    boolean ended() {
        return ended;
    }

    /** The signed membership history this member holds. */
    GroupHistory history() {
        return history;
    }

    /** A membership change the hub ordered (on the hub, as it orders it). */
    void recordChange(GroupHubLog.Ordered change) {
        history.record(change, effects);
    }

    GroupInfo info() {
        return membership.info(hub);
    }

    /** This node's new chain, granted to the other members (after it joined, or when one left). */
    void rotateKeys(long now) {
        List<NodeId> others = membership.members().keySet().stream().filter(node -> !node.equals(local())).toList();
        try {
            SignedGroupStatement distribution = keys.rotate(others, now);
            if (!others.isEmpty()) {
                submit(distribution, now);
            }
        } catch (CryptoException e) {
            effects.count("group-key-failed");
        }
    }

    /**
     * Encrypts and signs a post of this node and sends it to the hub, and with {@code copies} straight to the other
     * members too (see {@link GroupPostCopies}).
     */
    void post(MessageId id, byte[] body, boolean copies, long now) throws CryptoException {
        if (keys.needsRotation(now)) {
            rotateKeys(now);
        }
        SenderChain.Sealed sealed = keys.seal(body);
        SignedGroupStatement item = SignedGroupStatement.sign(new GroupStatement.Post(group, local(), id, now,
                sealed.keyEpoch(), sealed.index(), sealed.ciphertext().nonce(), sealed.ciphertext().ciphertext()),
                identity);
        submit(item, now);
        if (copies) {
            this.copies.send(item);
        }
    }

    /** A post its author sent straight to this member (see {@link GroupPostCopies#onCopy}). */
    void onPostCopy(NodeId from, SignedGroupStatement item, long now) {
        copies.onCopy(from, item, now);
    }

    /** Hands a statement of this node to the hub (at once if this node is the hub), until it is ordered. */
    void submit(SignedGroupStatement item, long now) {
        if (hubSide != null) {
            GroupHubLog.Ordered ordered = hubSide.order(item, now);
            if (ordered != null) {
                receive(new GroupFrame.Ordered(ordered.seq(), ordered.orderedAt(), ordered.item()), now);
                receipts.send(now);
            }
            return;
        }
        pending.submit(item, hub, now);
    }

    /** A frame of the hub's stream; answered with this member's cumulative acknowledgement. */
    void onStream(NodeId from, GroupFrame.Stream stream, long now) {
        if (!from.equals(hub)) {
            effects.count("rejected.group-stream-not-from-hub");
            return;
        }
        succession.heardFromHub(now);
        if (stream.epoch() != inbox.epoch()) {
            effects.count("rejected.group-stale-epoch");
            return;
        }
        if (stream.firstKept() > inbox.nextSeq()) {
            GroupInbox.Skip skip = inbox.skipTo(stream.firstKept(), now);
            effects.count("group-missed-after-24h");
            skip.deliver().forEach(entry -> apply(entry, now));
        }
        boolean gap = false;
        for (GroupFrame.Ordered entry : stream.entries()) {
            gap |= receive(entry, now);
        }
        gap |= stream.lastSeq() >= inbox.nextSeq() && stream.entries().isEmpty();
        if (!ended) {
            effects.sendGroupFrame(hub, new GroupFrame.StreamAck(group, inbox.epoch(), inbox.nextSeq(), gap));
            receipts.send(now);
        }
        receipts.clear();
    }

    /** A member's receipt (see {@link GroupReceipts#onReceipt}). */
    void onReceipt(NodeId from, SignedGroupStatement signed, long now) {
        receipts.onReceipt(from, signed, now);
    }

    /** One entry of the stream, through the inbox; returns whether it revealed a gap. */
    private boolean receive(GroupFrame.Ordered entry, long now) {
        SignedGroupStatement item = entry.item();
        GroupInbox.Arrival arrival = inbox.arrive(new GroupHubLog.Ordered(inbox.epoch(), entry.seq(),
                item.statement().author(), item.itemId(), item, entry.orderedAt()), now);
        return switch (arrival) {
            case GroupInbox.Arrival.Deliver deliver -> {
                deliver.messages().forEach(message -> apply(message, now));
                yield false;
            }
            case GroupInbox.Arrival.Gap ignored -> true;
            case GroupInbox.Arrival.Duplicate ignored -> {
                // ordered again (a resend to a new hub): ordered all the same
                pending.ordered(item.itemId());
                effects.count("group-duplicates");
                yield false;
            }
            case GroupInbox.Arrival.StaleEpoch ignored -> {
                effects.count("rejected.group-stale-epoch");
                yield false;
            }
        };
    }

    /** An entry in its turn: what it says takes effect for this member. */
    private void apply(GroupHubLog.Ordered entry, long now) {
        SignedGroupStatement item = entry.item();
        GroupStatement statement = item.statement();
        // only what this member saw in its turn is ordered for it: a statement held behind a gap when the hub died is
        // still to be sent to the next one (its own, or one it sends again for the deposed hub)
        pending.ordered(entry.id());
        succession.ordered(item, now);
        switch (statement) {
            case GroupStatement.Post post -> post(post, item, entry.seq(), now);
            case GroupStatement.SenderKeys distribution -> reading.keys(distribution, item, !isHub(), now);
            case GroupStatement.Succession ignored -> {
                String refusal = succession.accept(item, hub, inbox.epoch());
                if (refusal != null) {
                    effects.count("rejected.group-" + refusal);
                }
            }
            default -> {
                if (changes.apply(entry, now)) {
                    ended = true;
                    pending.clear();
                }
            }
        }
    }

    private void post(GroupStatement.Post post, SignedGroupStatement item, long seq, long now) {
        if (post.sender().equals(local())) {
            keys.ordered(post.keyEpoch(), post.index());
            if (hubSide != null) {
                // the hub's own post is accepted once its shadow holds it too: a hub that dies at once loses nothing
                // it told its application was accepted
                hubSide.acceptOnceReplicated(seq, post.id(), now);
            } else {
                effects.groupEvent(new GroupEvent.Accepted(new GroupId(group), post.id(), Instant.ofEpochMilli(now)));
            }
            return;
        }
        if (!copies.shownAlready(post, now)) {
            reading.othersPost(post, item, !isHub(), now);
        }
    }

    /** Ends a turn: as hub, sends what the turn queued, to this epoch's successors first. */
    void flush(long now) {
        if (hubSide != null) {
            hubSide.flush(now);
        }
    }

    /** The shadow and candidate named in the succession this member holds, in that order; none before the first. */
    List<NodeId> successors() {
        GroupStatement.Succession named = succession.current();
        return named == null ? List.of() : named.next();
    }

    /** The shadow named, if any: the member that would take over first. */
    NodeId shadow() {
        List<NodeId> successors = successors();
        return successors.isEmpty() ? null : successors.get(0);
    }

    /** Sends again what the hub has not ordered yet; a statement unordered for 24 hours is given up. */
    void tick(long now) {
        if (hubSide != null) {
            hubSide.tick(now);
            failover.review(now);
            return;
        }
        failover.tick(now);
        pending.tick(hub, now);
    }

    @Override
    public int messagesHeld() {
        return inbox.messagesHeld() + keys.messagesHeld() + pending.messagesHeld() + succession.messagesHeld()
                + receipts.messagesHeld()
                + (hubSide == null ? 0 : hubSide.messagesHeld());
    }

    void purge(long now) {
        inbox.purge(now);
        succession.purge(now);
        int dropped = keys.purge(now);
        for (int i = 0; i < dropped; i++) {
            effects.count("group-key-never-came");
        }
        if (hubSide != null) {
            hubSide.purge(now);
        }
    }
}
