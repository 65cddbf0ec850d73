package org.tomprotocol.transport.quic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.handler.codec.quic.QuicChannel;
import io.netty.util.AttributeKey;

/**
 * What partly received frames may hold. A peer announces a frame's length in its header and then sends the body
 * at whatever pace it likes, on up to {@value SharedUdpSocket#MAX_PEER_STREAMS} streams per connection: without a
 * bound, slow streams pin memory for as long as the peer wants. Every byte a {@link InboundFrameReader} keeps is
 * charged to its connection and to the transport; when either is over its limit, partial frames are reset —
 * within the connection, or among all — until the charge fits, the one that has waited longest for its next
 * byte first. A stalled or trickling stream is thus reset before one whose bytes keep coming; resetting the
 * newest or largest instead would hit an honest peer's large frame arriving while attackers sit on many small
 * ones. One whole frame always fits in a connection's share, and a frame not complete within the deadline is
 * reset too. Event-loop confined.
 */
final class FrameBudget {
    /** What one stored piece costs beyond its bytes (array header, list slot), charged with it. */
    static final int CHUNK_OVERHEAD_BYTES = 32;

    /** A frame being received: what the budget can see of it and do to it. */
    interface Partial {
        /** Bytes charged so far. */
        long heldBytes();

        /** When its stream opened. */
        long startedNanos();

        /** Resets the stream (the reader reports the rejection) and releases its charge. */
        void abort(String reason, int streamErrorCode);
    }

    /** One connection's share: its partial frames, the one that progressed least recently first. */
    static final class Share {
        private final LinkedHashSet<Partial> partials = new LinkedHashSet<>();
        private long held;

        long held() {
            return held;
        }
    }

    private static final AttributeKey<Share> SHARE = AttributeKey.valueOf(FrameBudget.class, "share");

    private final long limit;
    private final long perConnectionLimit;
    private final long deadlineNanos;
    /** Every partial frame and its share, the one that progressed least recently first. */
    private final LinkedHashMap<Partial, Share> partials = new LinkedHashMap<>();
    private long held;
    private long peakHeld;

    FrameBudget(QuicLimits limits) {
        this.limit = limits.inboundBufferBytes();
        this.perConnectionLimit = limits.inboundBufferPerConnectionBytes();
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(limits.frameDeadlineMillis());
    }

    /** The share of {@code connection}, created on first use. */
    Share shareOf(QuicChannel connection) {
        Share share = connection.attr(SHARE).get();
        if (share == null) {
            share = new Share();
            connection.attr(SHARE).set(share);
        }
        return share;
    }

    /** {@code partial} started: from now on its deadline runs. */
    void started(Share share, Partial partial) {
        share.partials.add(partial);
        partials.put(partial, share);
    }

    /**
     * Charges {@code bytes} that {@code partial} just received and is about to keep, resetting partial frames
     * until both limits hold.
     *
     * @return false when {@code partial} itself was reset and must keep nothing
     */
    boolean charge(Share share, Partial partial, long bytes) {
        if (!share.partials.remove(partial)) {
            return false;
        }
        share.partials.add(partial); // it progressed: last in line
        partials.remove(partial);
        partials.put(partial, share);
        share.held += bytes;
        held += bytes;
        while (share.held > perConnectionLimit && !share.partials.isEmpty()) {
            share.partials.iterator().next().abort("frame-budget-connection", StreamErrors.FRAME_BUDGET);
        }
        while (held > limit && !partials.isEmpty()) {
            partials.keySet().iterator().next().abort("frame-budget-transport", StreamErrors.FRAME_BUDGET);
        }
        peakHeld = Math.max(peakHeld, held);
        return share.partials.contains(partial);
    }

    /** {@code partial} delivered its frame or ended: everything charged to it is free again. */
    void release(Share share, Partial partial) {
        if (!share.partials.remove(partial)) {
            return;
        }
        partials.remove(partial);
        share.held -= partial.heldBytes();
        held -= partial.heldBytes();
    }

    /** Resets every partial frame older than the deadline. */
    void expire(long nowNanos) {
        List<Partial> late = new ArrayList<>();
        for (Partial partial : partials.keySet()) {
            if (nowNanos - partial.startedNanos() > deadlineNanos) {
                late.add(partial);
            }
        }
        late.forEach(partial -> partial.abort("frame-deadline", StreamErrors.FRAME_DEADLINE));
    }

    /** Bytes held in partial frames now. */
    long held() {
        return held;
    }

    /** The most ever held at once. */
    long peakHeld() {
        return peakHeld;
    }

    /** Partial frames now. */
    int partialFrames() {
        return partials.size();
    }
}
