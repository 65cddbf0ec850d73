package org.tomprotocol.discovery.gossip.wire;

import java.util.Arrays;

/** A growable big-endian byte sink for encoding frames. */
final class FrameWriter {
    private byte[] buffer;
    private int size;

    FrameWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    FrameWriter u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    FrameWriter u16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    FrameWriter u32(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    FrameWriter u64(long value) {
        u32((int) (value >>> 32));
        return u32((int) value);
    }

    FrameWriter bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
