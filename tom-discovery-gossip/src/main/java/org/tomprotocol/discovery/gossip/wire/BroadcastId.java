package org.tomprotocol.discovery.gossip.wire;

import java.util.HexFormat;

/**
 * The identity of a broadcast: the first 16 bytes of the SHA-256 of its payload, so the same content sent
 * twice within the retention period is one broadcast. Held as two longs for cheap hashing.
 *
 * @param high the first 8 bytes, big-endian
 * @param low  the next 8 bytes, big-endian
 */
public record BroadcastId(long high, long low) {
    /** Length of an id on the wire. */
    public static final int LENGTH = 16;

    /** Reads an id from the first 16 bytes of {@code bytes} at {@code offset}. */
    public static BroadcastId of(byte[] bytes, int offset) {
        return new BroadcastId(readLong(bytes, offset), readLong(bytes, offset + 8));
    }

    private static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFFL);
        }
        return value;
    }

    /** The first 8 hex characters, enough to tell ids apart in logs. */
    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(high).substring(0, 8);
    }
}
