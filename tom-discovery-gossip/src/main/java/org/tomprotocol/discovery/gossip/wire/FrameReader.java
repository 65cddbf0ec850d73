package org.tomprotocol.discovery.gossip.wire;

import java.util.Arrays;

/** Reads a frame's bytes with bounds checks: running past the end is a {@link MalformedFrameException}. */
final class FrameReader {
    private final byte[] bytes;
    private int position;

    FrameReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int u8() throws MalformedFrameException {
        require(1);
        return bytes[position++] & 0xFF;
    }

    int u16() throws MalformedFrameException {
        require(2);
        int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    /** An unsigned 32-bit length that must not exceed {@code max}. */
    int length(int max, String reason) throws MalformedFrameException {
        require(4);
        long value = ((bytes[position] & 0xFFL) << 24) | ((bytes[position + 1] & 0xFFL) << 16)
                | ((bytes[position + 2] & 0xFFL) << 8) | (bytes[position + 3] & 0xFFL);
        position += 4;
        if (value > max) {
            throw new MalformedFrameException(reason, value + " bytes, at most " + max + " allowed");
        }
        return (int) value;
    }

    byte[] bytes(int count) throws MalformedFrameException {
        require(count);
        byte[] out = Arrays.copyOfRange(bytes, position, position + count);
        position += count;
        return out;
    }

    BroadcastId messageId() throws MalformedFrameException {
        require(BroadcastId.LENGTH);
        BroadcastId id = BroadcastId.of(bytes, position);
        position += BroadcastId.LENGTH;
        return id;
    }

    void expectEnd() throws MalformedFrameException {
        if (position != bytes.length) {
            throw new MalformedFrameException("trailing-bytes", (bytes.length - position) + " bytes after the frame");
        }
    }

    private void require(int count) throws MalformedFrameException {
        if (count < 0 || bytes.length - position < count) {
            throw new MalformedFrameException("truncated", "needed " + count + " more bytes at offset " + position
                    + " of " + bytes.length);
        }
    }
}
