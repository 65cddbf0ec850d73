package org.tomprotocol.discovery.gossip.plumtree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.Announcement;
import org.tomprotocol.discovery.gossip.wire.BroadcastFrame.IHave;
import org.tomprotocol.discovery.gossip.wire.FrameCodec;

/** The lazy push: announcements batched per neighbour for a short delay, then sent as IHave frames. */
final class LazyPushQueue {
    private final Map<NodeId, List<Announcement>> queued = new LinkedHashMap<>();
    private final long delayMillis;
    private long flushAt = Long.MAX_VALUE;

    LazyPushQueue(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    /** Queues {@code announcement} for {@code peer}; the batch goes out {@code delayMillis} after its first entry. */
    void add(NodeId peer, Announcement announcement, long now) {
        queued.computeIfAbsent(peer, ignored -> new ArrayList<>()).add(announcement);
        if (flushAt == Long.MAX_VALUE) {
            flushAt = now + delayMillis;
        }
    }

    /** {@code peer} is no longer a neighbour: what was queued for it is dropped. */
    void remove(NodeId peer) {
        queued.remove(peer);
    }

    /** Sends every batch through {@code send} if the flush is due at {@code now}. */
    void flushIfDue(long now, BiConsumer<NodeId, IHave> send) {
        if (flushAt > now) {
            return;
        }
        flushAt = Long.MAX_VALUE;
        for (Map.Entry<NodeId, List<Announcement>> entry : queued.entrySet()) {
            List<Announcement> all = entry.getValue();
            for (int from = 0; from < all.size(); from += FrameCodec.MAX_ANNOUNCEMENTS) {
                send.accept(entry.getKey(), new IHave(all.subList(from,
                        Math.min(all.size(), from + FrameCodec.MAX_ANNOUNCEMENTS))));
            }
        }
        queued.clear();
    }

    /** When the next flush is due, or {@link Long#MAX_VALUE}. */
    long nextFlush() {
        return flushAt;
    }
}
