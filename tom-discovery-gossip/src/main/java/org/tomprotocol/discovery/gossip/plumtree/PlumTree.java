package org.tomprotocol.discovery.gossip.plumtree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.discovery.gossip.plumtree.MissingMessages.Announcer;
import org.tomprotocol.discovery.gossip.plumtree.PendingValidations.Pending;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Announcement;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Gossip;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Graft;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.IHave;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Prune;
import org.tomprotocol.discovery.gossip.wire.FrameCodec;
import org.tomprotocol.discovery.gossip.wire.BroadcastId;
import org.tomprotocol.spi.discovery.Validation;
import org.tomprotocol.spi.state.ExpiringMap;

/**
 * PlumTree broadcast (Leitão, Pereira, Rodrigues, SRDS 2007) as a pure state machine over the neighbours
 * HyParView provides. Payloads travel eagerly along a spanning tree; the other links carry only IHave
 * announcements, batched. A duplicate prunes the link it came on; a broadcast announced but not received
 * within the graft timeout is grafted from its announcer, which also repairs the tree. Ids are the first 16
 * bytes of the payload's SHA-256, remembered for the id retention so each payload is delivered once.
 *
 * <p>Not thread-safe: one caller at a time, the current time passed in.
 */
public final class PlumTree {
    private record Cached(byte[] payload, int hop) {
    }

    /** Ids of refused (invalid) payloads remembered at most, apart from the ids of valid ones. */
    static final int MAX_REFUSED_IDS = 4_096;
    /** The source under which all payloads from non-neighbours share one allowance of pending validations. */
    private static final Object STRANGERS = new Object();

    private final PlumTreeConfig config;
    private final BroadcastEffects effects;
    private final MessageDigest sha256;
    private final Set<NodeId> eager = new LinkedHashSet<>();
    private final Set<NodeId> lazy = new LinkedHashSet<>();
    private final ExpiringMap<BroadcastId, Boolean> seen;
    private final ExpiringMap<BroadcastId, Cached> cache;
    private final ExpiringMap<BroadcastId, Boolean> refused;
    /** The latest time an input carried: what the id maps' expiry is judged by between inputs. */
    private long now;
    private final MissingMessages missing;
    private final PendingValidations validations;
    private final InvalidPayloadScores invalidScores = new InvalidPayloadScores();
    private final LazyPushQueue lazyQueue;

    public PlumTree(PlumTreeConfig config, BroadcastEffects effects) {
        this.config = config;
        this.effects = effects;
        this.seen = new ExpiringMap<>(config.messageIdRetentionMillis(), config.maxRememberedIds());
        this.cache = new ExpiringMap<>(config.messageCacheMillis(), config.maxCachedMessages());
        this.refused = new ExpiringMap<>(config.messageIdRetentionMillis(), MAX_REFUSED_IDS);
        this.missing = new MissingMessages(config.maxMissingMessages());
        this.validations = new PendingValidations(config.maxPendingValidations(), config.validationTimeoutMillis());
        this.lazyQueue = new LazyPushQueue(config.lazyPushDelayMillis());
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /**
     * Starts spreading {@code payload}.
     *
     * @return false when it was not sent: too large, or the same content was seen within the id retention
     */
    public boolean broadcast(byte[] payload, long now) {
        this.now = Math.max(this.now, now);
        if (payload.length > config.maxPayloadBytes()) {
            return false;
        }
        BroadcastId id = idOf(payload);
        if (seen.contains(id, this.now)) {
            return false;
        }
        seen.putIfAbsent(id, Boolean.TRUE, now);
        cache.putIfAbsent(id, new Cached(payload, 0), now);
        push(id, new Gossip(1, payload), List.of(), now);
        return true;
    }

    /** Handles a broadcast frame from {@code from}. */
    public void onFrame(NodeId from, BroadcastFrame frame, long now) {
        this.now = Math.max(this.now, now);
        switch (frame) {
            case Gossip gossip -> onGossip(from, gossip, now);
            case IHave ihave -> onIHave(from, ihave, now);
            case Graft graft -> onGraft(from, graft);
            case Prune ignored -> {
                if (isNeighbor(from)) {
                    moveToLazy(from);
                }
            }
        }
    }

    /**
     * {@code peer} became a neighbour: it starts in the eager set, as in the paper, and is told of the newest
     * cached broadcasts (lazily, as IHave), so that a node linking up just after a broadcast passed its part
     * of the tree grafts it instead of waiting for the next one. Without it, nodes that join at the same
     * moment miss each other's announces until the next periodic one.
     */
    public void neighborUp(NodeId peer, long now) {
        this.now = Math.max(this.now, now);
        lazy.remove(peer);
        eager.add(peer);
        for (Map.Entry<BroadcastId, Cached> entry : cache.newest(config.catchUpMessages())) {
            lazyQueue.add(peer, new Announcement(entry.getKey(), nextRound(entry.getValue().hop())), now);
        }
    }

    /** {@code peer} is no longer a neighbour: its announcements are forgotten. */
    public void neighborDown(NodeId peer) {
        eager.remove(peer);
        lazy.remove(peer);
        lazyQueue.remove(peer);
        missing.forgetPeer(peer);
    }

    /** Runs due timers: the lazy-push flush, graft timers, cache expiry and overdue validations. */
    public void onTimer(long now) {
        this.now = Math.max(this.now, now);
        lazyQueue.flushIfDue(now, effects::send);
        BroadcastId due;
        while ((due = missing.takeDue(now)) != null) {
            graft(due, now);
        }
        if (Math.min(Math.min(seen.nextExpiry(), cache.nextExpiry()), refused.nextExpiry()) <= now) {
            seen.purge(now);
            cache.purge(now);
            refused.purge(now);
        }
        // An unanswered payload is forgotten, not refused: it may come again and get its verdict then.
        validations.expire(now);
    }

    /** When {@link #onTimer} must run next, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        long expiry = Math.min(Math.min(seen.nextExpiry(), cache.nextExpiry()), refused.nextExpiry());
        return Math.min(Math.min(lazyQueue.nextFlush(), missing.nextDeadline()),
                Math.min(expiry, validations.nextDeadline()));
    }

    /** Neighbours that get payloads eagerly. */
    public Set<NodeId> eagerPeers() {
        return Set.copyOf(eager);
    }

    /** Neighbours that get only announcements. */
    public Set<NodeId> lazyPeers() {
        return Set.copyOf(lazy);
    }

    /** How many ids of recent valid broadcasts are remembered. */
    public int rememberedIds() {
        return seen.size();
    }

    /** How many payloads are cached (to answer grafts). */
    public int cachedPayloads() {
        return cache.size();
    }

    /** Bytes of the cached payloads. */
    public long cachedBytes() {
        long bytes = 0;
        for (Map.Entry<BroadcastId, Cached> entry : cache.newest(cache.size())) {
            bytes += entry.getValue().payload().length;
        }
        return bytes;
    }

    /** How many payloads await the node's verdict. */
    public int pendingValidations() {
        return validations.size();
    }

    /** Bytes of the payloads awaiting the node's verdict. */
    public long pendingBytes() {
        return validations.bytes();
    }

    /** The most bytes of payload that ever awaited the node's verdict at once. */
    public long peakPendingBytes() {
        return validations.peakBytes();
    }

    /** Whether {@code payload} is in the cache (so it was accepted, or broadcast by this node). */
    public boolean caches(byte[] payload) {
        return cache.contains(idOf(payload), this.now);
    }

    /** The score of recent invalid payloads from {@code peer} (0 for none), which shrinks its validation share. */
    public double invalidScore(NodeId peer, long now) {
        return invalidScores.score(peer, now);
    }

    /** The id of a payload: the first 16 bytes of its SHA-256. */
    public BroadcastId idOf(byte[] payload) {
        return BroadcastId.of(sha256.digest(payload), 0);
    }

    /** A new payload waits for the node's verdict; nothing of it is stored or spread before. */
    private void onGossip(NodeId from, Gossip gossip, long now) {
        BroadcastId id = idOf(gossip.payload());
        if (seen.contains(id, this.now)) {
            if (isNeighbor(from)) {
                moveToLazy(from);
                effects.send(from, new Prune());
            }
            return;
        }
        if (refused.contains(id, this.now)) {
            blame(from, now);
            return;
        }
        Pending pending = validations.get(id);
        if (pending != null) {
            pending.duplicateFrom(from);
            return;
        }
        Object source = isNeighbor(from) ? from : STRANGERS;
        int allowance = invalidScores.allowance(from, config.maxPendingPerNeighbor(), now);
        if (!validations.hasRoomFor(source, allowance)) {
            effects.rejected(from, "validation-backlog");
            return;
        }
        pending = validations.add(id, from, source, gossip.payload(), gossip.round(), now);
        effects.validate(pending.ticket, from, pending.payload);
    }

    /**
     * The node's verdict on the payload validated under {@code ticket}: only an accepted payload is stored,
     * pushed, announced and served; a rejected one counts against everyone who sent it. Unknown tickets
     * (answered already, or expired) are ignored.
     */
    public void onValidated(long ticket, Validation verdict, long now) {
        this.now = Math.max(this.now, now);
        Pending pending = validations.take(ticket);
        if (pending == null) {
            return;
        }
        switch (verdict) {
            case ACCEPT -> accept(pending, now);
            case IGNORE -> {
                seen.putIfAbsent(pending.id, Boolean.TRUE, now);
                missing.received(pending.id);
            }
            case REJECT -> {
                refused.putIfAbsent(pending.id, Boolean.TRUE, now);
                missing.received(pending.id);
                blame(pending.from, now);
                for (NodeId duplicateSender : pending.duplicateSenders) {
                    blame(duplicateSender, now);
                }
            }
        }
    }

    private void accept(Pending pending, long now) {
        NodeId from = pending.from;
        boolean neighbor = isNeighbor(from);
        seen.putIfAbsent(pending.id, Boolean.TRUE, now);
        cache.putIfAbsent(pending.id, new Cached(pending.payload, pending.hop), now);
        if (neighbor) {
            moveToEager(from);
        }
        // Whoever sent it already has it: the sender and the senders of copies (their links get pruned).
        List<NodeId> haveIt = new ArrayList<>(pending.duplicateSenders);
        haveIt.add(from);
        push(pending.id, new Gossip(nextRound(pending.hop), pending.payload), haveIt, now);
        for (NodeId duplicateSender : pending.duplicateSenders) {
            if (isNeighbor(duplicateSender)) {
                moveToLazy(duplicateSender);
                effects.send(duplicateSender, new Prune());
            }
        }
        List<Announcer> announcers = missing.received(pending.id);
        if (neighbor && !announcers.isEmpty()) {
            optimize(from, pending.hop, announcers);
        }
    }

    /** {@code peer} sent an invalid payload: counted, its link made lazy, its validation share shrunk. */
    private void blame(NodeId peer, long now) {
        effects.rejected(peer, "gossip-invalid");
        invalidScores.invalid(peer, now);
        if (isNeighbor(peer)) {
            moveToLazy(peer);
            effects.send(peer, new Prune());
        }
    }

    /**
     * The paper's optimisation: when an announcer was {@code optimizationThreshold} or more hops closer to
     * the origin than the eager path, graft the announcer (tree repair, no payload) and prune the sender.
     */
    private void optimize(NodeId sender, int hop, List<Announcer> announcers) {
        Announcer best = null;
        for (Announcer announcer : announcers) {
            if (isNeighbor(announcer.peer()) && (best == null || announcer.round() < best.round())) {
                best = announcer;
            }
        }
        if (best != null && !best.peer().equals(sender) && hop - best.round() >= config.optimizationThreshold()) {
            moveToEager(best.peer());
            effects.send(best.peer(), new Graft(null, best.round()));
            moveToLazy(sender);
            effects.send(sender, new Prune());
        }
    }

    private void onIHave(NodeId from, IHave ihave, long now) {
        if (!isNeighbor(from)) {
            return;
        }
        for (Announcement announcement : ihave.announcements()) {
            BroadcastId id = announcement.id();
            if (!seen.contains(id, this.now) && !refused.contains(id, this.now) && !validations.contains(id)) {
                missing.announced(id, from, announcement.round(), now + config.graftTimeoutMillis());
            }
        }
    }

    private void graft(BroadcastId id, long now) {
        if (seen.contains(id, this.now) || refused.contains(id, this.now)) {
            missing.received(id);
            return;
        }
        if (validations.contains(id)) {
            // A copy awaits its verdict; the announcers stay in reserve in case it is forgotten unanswered.
            missing.arm(id, now + config.graftRetryMillis());
            return;
        }
        Announcer announcer;
        while ((announcer = missing.takeAnnouncer(id)) != null) {
            if (isNeighbor(announcer.peer())) {
                moveToEager(announcer.peer());
                effects.send(announcer.peer(), new Graft(id, announcer.round()));
                missing.arm(id, now + config.graftRetryMillis());
                return;
            }
        }
    }

    private void onGraft(NodeId from, Graft graft) {
        if (!isNeighbor(from)) {
            return;
        }
        moveToEager(from);
        if (graft.id() != null) {
            Cached cached = cache.get(graft.id(), this.now);
            if (cached != null) {
                effects.send(from, new Gossip(nextRound(cached.hop()), cached.payload()));
            }
        }
    }

    /** Sends the payload to the eager peers and queues its announcement for the lazy ones, except {@code haveIt}. */
    private void push(BroadcastId id, Gossip gossip, List<NodeId> haveIt, long now) {
        for (NodeId peer : eager) {
            if (!haveIt.contains(peer)) {
                effects.send(peer, gossip);
            }
        }
        Announcement announcement = new Announcement(id, gossip.round());
        for (NodeId peer : lazy) {
            if (!haveIt.contains(peer)) {
                lazyQueue.add(peer, announcement, now);
            }
        }
    }

    private boolean isNeighbor(NodeId peer) {
        return eager.contains(peer) || lazy.contains(peer);
    }

    private void moveToEager(NodeId peer) {
        lazy.remove(peer);
        eager.add(peer);
    }

    private void moveToLazy(NodeId peer) {
        eager.remove(peer);
        lazy.add(peer);
    }

    private static int nextRound(int hop) {
        return Math.min(hop + 1, FrameCodec.MAX_ROUND);
    }
}
