package org.tomprotocol.testkit.gossip;

import java.util.Arrays;

/**
 * One measured broadcast: a payload starting with a random 16-byte marker, the hop at which each node
 * delivered it (from the neighbour it came from: the origin is hop 0), and the payload frames seen.
 */
final class BroadcastProbe {
    static final int MARKER_BYTES = 16;

    final int round;
    final int origin;
    final byte[] payload;
    final long startedAt;
    private final boolean[] alive;
    private final int[] hops;
    private long payloadFrames;
    private long lastDeliveryAt;

    /** A probe sent by {@code origin} at {@code startedAt}, when the nodes {@code alive} says were live. */
    BroadcastProbe(int round, int origin, byte[] payload, boolean[] alive, long startedAt) {
        this.round = round;
        this.origin = origin;
        this.payload = payload;
        this.startedAt = startedAt;
        this.alive = alive.clone();
        this.hops = new int[alive.length];
        Arrays.fill(hops, -1);
        hops[origin] = 0;
        this.lastDeliveryAt = startedAt;
    }

    /** Whether {@code bytes} is (or starts with) this probe's payload marker. */
    boolean isPayload(byte[] bytes) {
        return bytes.length == payload.length && Arrays.equals(bytes, 0, MARKER_BYTES, payload, 0, MARKER_BYTES);
    }

    /** Whether {@code frame} carries this probe's payload somewhere inside. */
    boolean carries(byte[] frame) {
        int last = frame.length - payload.length;
        byte first = payload[0];
        for (int i = 0; i <= last; i++) {
            if (frame[i] == first && Arrays.equals(frame, i, i + MARKER_BYTES, payload, 0, MARKER_BYTES)) {
                return true;
            }
        }
        return false;
    }

    void payloadFrame() {
        payloadFrames++;
    }

    /** {@code node} delivered it from {@code from}; false if it had already. */
    boolean delivered(int node, int from, long now) {
        if (hops[node] >= 0) {
            return false;
        }
        int parent = from >= 0 ? hops[from] : -1;
        hops[node] = parent >= 0 ? parent + 1 : Integer.MAX_VALUE;
        lastDeliveryAt = Math.max(lastDeliveryAt, now);
        return true;
    }

    /** The statistics so far, over the nodes live when it was sent. */
    BroadcastStats stats() {
        int live = 0;
        int delivered = 0;
        int lastHop = 0;
        for (int node = 0; node < hops.length; node++) {
            if (!alive[node]) {
                continue;
            }
            live++;
            if (node != origin && hops[node] >= 0) {
                delivered++;
                lastHop = Math.max(lastHop, hops[node]);
            }
        }
        int others = Math.max(1, live - 1);
        double reliability = live > 1 ? delivered / (double) others : 1.0;
        double rmr = live > 1 ? payloadFrames / (double) others - 1 : 0.0;
        return new BroadcastStats(round, live, delivered, reliability, payloadFrames, rmr, lastHop,
                lastDeliveryAt - startedAt);
    }
}
