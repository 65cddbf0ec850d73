package org.tomprotocol.discovery.gossip.plumtree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.discovery.gossip.plumtree.MissingMessages.Announcer;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Announcement;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Gossip;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Graft;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.IHave;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Prune;
import org.tomprotocol.discovery.gossip.wire.FrameCodec;
import org.tomprotocol.discovery.gossip.wire.MessageId;

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

    private final PlumTreeConfig config;
    private final BroadcastEffects effects;
    private final MessageDigest sha256;
    private final Set<NodeId> eager = new LinkedHashSet<>();
    private final Set<NodeId> lazy = new LinkedHashSet<>();
    private final ExpiringMap<MessageId, Boolean> seen;
    private final ExpiringMap<MessageId, Cached> cache;
    private final MissingMessages missing;
    private final Map<NodeId, List<Announcement>> lazyQueue = new LinkedHashMap<>();
    private long lazyFlushAt = Long.MAX_VALUE;

    public PlumTree(PlumTreeConfig config, BroadcastEffects effects) {
        this.config = config;
        this.effects = effects;
        this.seen = new ExpiringMap<>(config.messageIdRetentionMillis(), config.maxRememberedIds());
        this.cache = new ExpiringMap<>(config.messageCacheMillis(), config.maxCachedMessages());
        this.missing = new MissingMessages(config.maxMissingMessages());
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
        if (payload.length > config.maxPayloadBytes()) {
            return false;
        }
        MessageId id = idOf(payload);
        if (seen.contains(id)) {
            return false;
        }
        seen.add(id, Boolean.TRUE, now);
        cache.add(id, new Cached(payload, 0), now);
        push(id, new Gossip(1, payload), null, now);
        return true;
    }

    /** Handles a broadcast frame from {@code from}. */
    public void onFrame(NodeId from, BroadcastFrame frame, long now) {
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
        lazy.remove(peer);
        eager.add(peer);
        List<Map.Entry<MessageId, Cached>> recent = cache.newest(config.catchUpMessages());
        if (recent.isEmpty()) {
            return;
        }
        List<Announcement> queue = lazyQueue.computeIfAbsent(peer, ignored -> new ArrayList<>());
        for (Map.Entry<MessageId, Cached> entry : recent) {
            queue.add(new Announcement(entry.getKey(), nextRound(entry.getValue().hop())));
        }
        scheduleLazyFlush(now);
    }

    /** {@code peer} is no longer a neighbour: its announcements are forgotten. */
    public void neighborDown(NodeId peer) {
        eager.remove(peer);
        lazy.remove(peer);
        lazyQueue.remove(peer);
        missing.forgetPeer(peer);
    }

    /** Runs due timers: the lazy-push flush, graft timers and cache expiry. */
    public void onTimer(long now) {
        if (lazyFlushAt <= now) {
            flushLazyQueue();
        }
        MessageId due;
        while ((due = missing.takeDue(now)) != null) {
            graft(due, now);
        }
        if (Math.min(seen.nextExpiry(), cache.nextExpiry()) <= now) {
            seen.expire(now);
            cache.expire(now);
        }
    }

    /** When {@link #onTimer} must run next, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        return Math.min(Math.min(lazyFlushAt, missing.nextDeadline()), Math.min(seen.nextExpiry(), cache.nextExpiry()));
    }

    /** Neighbours that get payloads eagerly. */
    public Set<NodeId> eagerPeers() {
        return Set.copyOf(eager);
    }

    /** Neighbours that get only announcements. */
    public Set<NodeId> lazyPeers() {
        return Set.copyOf(lazy);
    }

    /** How many ids of recent broadcasts are remembered. */
    public int rememberedIds() {
        return seen.size();
    }

    /** The id of a payload: the first 16 bytes of its SHA-256. */
    public MessageId idOf(byte[] payload) {
        return MessageId.of(sha256.digest(payload), 0);
    }

    private void onGossip(NodeId from, Gossip gossip, long now) {
        MessageId id = idOf(gossip.payload());
        boolean neighbor = isNeighbor(from);
        if (seen.contains(id)) {
            if (neighbor) {
                moveToLazy(from);
                effects.send(from, new Prune());
            }
            return;
        }
        seen.add(id, Boolean.TRUE, now);
        int hop = gossip.round();
        cache.add(id, new Cached(gossip.payload(), hop), now);
        effects.deliver(from, gossip.payload());
        if (neighbor) {
            moveToEager(from);
        }
        push(id, new Gossip(nextRound(hop), gossip.payload()), from, now);
        List<Announcer> announcers = missing.received(id);
        if (neighbor && !announcers.isEmpty()) {
            optimize(from, hop, announcers);
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
            if (!seen.contains(announcement.id())) {
                missing.announced(announcement.id(), from, announcement.round(), now + config.graftTimeoutMillis());
            }
        }
    }

    private void graft(MessageId id, long now) {
        if (seen.contains(id)) {
            missing.received(id);
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
            Cached cached = cache.get(graft.id());
            if (cached != null) {
                effects.send(from, new Gossip(nextRound(cached.hop()), cached.payload()));
            }
        }
    }

    /** Sends the payload to the eager peers and queues its announcement for the lazy ones. */
    private void push(MessageId id, Gossip gossip, NodeId except, long now) {
        for (NodeId peer : eager) {
            if (!peer.equals(except)) {
                effects.send(peer, gossip);
            }
        }
        Announcement announcement = new Announcement(id, gossip.round());
        for (NodeId peer : lazy) {
            if (!peer.equals(except)) {
                lazyQueue.computeIfAbsent(peer, ignored -> new ArrayList<>()).add(announcement);
            }
        }
        scheduleLazyFlush(now);
    }

    private void scheduleLazyFlush(long now) {
        if (!lazyQueue.isEmpty() && lazyFlushAt == Long.MAX_VALUE) {
            lazyFlushAt = now + config.lazyPushDelayMillis();
        }
    }

    private void flushLazyQueue() {
        lazyFlushAt = Long.MAX_VALUE;
        for (Map.Entry<NodeId, List<Announcement>> entry : lazyQueue.entrySet()) {
            List<Announcement> all = entry.getValue();
            for (int from = 0; from < all.size(); from += FrameCodec.MAX_ANNOUNCEMENTS) {
                List<Announcement> chunk = all.subList(from, Math.min(all.size(), from + FrameCodec.MAX_ANNOUNCEMENTS));
                effects.send(entry.getKey(), new IHave(chunk));
            }
        }
        lazyQueue.clear();
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
