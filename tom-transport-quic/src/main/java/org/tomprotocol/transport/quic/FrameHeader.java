package org.tomprotocol.transport.quic;

import org.tomprotocol.spi.transport.FrameChannel;

/**
 * The 4-byte big-endian prefix of every frame: the top byte is the {@link FrameChannel} code, the low 24 bits
 * the payload length. With code 0 ({@link FrameChannel#ENVELOPE}) it is exactly Gen-2's u32 length prefix.
 */
final class FrameHeader {
    /** Bytes in the header. */
    static final int LENGTH = 4;
    /** The largest payload the 24-bit length can announce. */
    static final int MAX_PAYLOAD = 0xFF_FFFF;

    private FrameHeader() {
    }

    /** The header word for a payload of {@code length} bytes on {@code channel}. */
    static int encode(FrameChannel channel, int length) {
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("frame length " + length + " does not fit in 24 bits");
        }
        return (channel.code() << 24) | length;
    }

    /** The header as 4 big-endian bytes. */
    static byte[] encodeBytes(FrameChannel channel, int length) {
        int word = encode(channel, length);
        return new byte[] {(byte) (word >>> 24), (byte) (word >>> 16), (byte) (word >>> 8), (byte) word};
    }

    /** The channel code in {@code header}. */
    static int channelCode(int header) {
        return header >>> 24;
    }

    /** The payload length in {@code header}. */
    static int payloadLength(int header) {
        return header & MAX_PAYLOAD;
    }
}
