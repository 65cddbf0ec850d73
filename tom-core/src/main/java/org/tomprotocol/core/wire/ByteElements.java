package org.tomprotocol.core.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The elements of a Gen-2 byte array (a msgpack array of integers; the header is not handled here): a byte
 * below 128 is one positive-fixint byte, a byte of 128 or more is {@code 0xcc} followed by the byte.
 *
 * <p>Why not a plain loop with an {@code if}: in ciphertext the sign of each byte is a coin toss, so such a
 * loop mispredicts a branch every other byte, and with the encoding applied twice to a sealed payload the
 * codec cost more than hashing the envelope for its signature. Both directions are therefore branch-free;
 * decoding works eight input bytes at a time from lookup tables, with plain Java (no intrinsic that is slow
 * on some CPUs).
 */
final class ByteElements {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long UINT8_MARKERS = 0xccccccccccccccccL;

    /*
     * Decoding state: whether the previous input byte was a 0xcc marker (so this one is its value). Inside a
     * run of bytes >= 128 markers and values alternate, starting with a marker; a byte < 128 right after a
     * marker is not canonical. For each state and each pattern of sign bits of eight input bytes, STEP packs:
     * bits 0-7 the lanes that are elements, 8-15 the marker lanes, 16 "not canonical", 17 the next state,
     * 18+ the number of elements.
     */
    private static final int[] STEP = new int[512];
    /** For a set of element lanes: where each lane is in the input word, as 8-bit shifts, in output order. */
    private static final long[] SHIFTS = new long[256];
    /** For a set of lanes: a mask with 0xff in those lanes. */
    private static final long[] LANE_MASKS = new long[256];

    static {
        int[] laneOfBit = new int[8];
        for (int lane = 0; lane < 8; lane++) {
            laneOfBit[Integer.numberOfTrailingZeros(signBits(0x80L << (8 * lane)))] = lane;
        }
        for (int state = 0; state < 2; state++) {
            for (int bits = 0; bits < 256; bits++) {
                int marker = state;
                int elements = 0;
                int markers = 0;
                int invalid = 0;
                for (int lane = 0; lane < 8; lane++) {
                    int negative = 0;
                    for (int bit = 0; bit < 8; bit++) {
                        negative |= laneOfBit[bit] == lane ? (bits >> bit) & 1 : 0;
                    }
                    invalid |= marker & (negative ^ 1);
                    marker = negative & (marker ^ 1);
                    if (marker == 0) {
                        elements |= 1 << lane;
                    } else {
                        markers |= 1 << lane;
                    }
                }
                STEP[state << 8 | bits] = elements | markers << 8 | invalid << 16 | marker << 17
                        | Integer.bitCount(elements) << 18;
            }
        }
        for (int lanes = 0; lanes < 256; lanes++) {
            long shifts = 0;
            long mask = 0;
            int position = 0;
            for (int lane = 0; lane < 8; lane++) {
                if ((lanes >> lane & 1) != 0) {
                    shifts |= (long) (8 * lane) << (8 * position++);
                    mask |= 0xffL << (8 * lane);
                }
            }
            SHIFTS[lanes] = shifts;
            LANE_MASKS[lanes] = mask;
        }
    }

    private ByteElements() {
    }

    /** The sign bits of the eight bytes of {@code word}, one per bit (in an order the tables account for). */
    private static int signBits(long word) {
        return (int) ((((word >>> 7) & 0x0101010101010101L) * 0x0102040810204080L) >>> 56);
    }

    /**
     * Writes the elements of {@code value} into {@code target} at {@code offset}, which needs room for two
     * bytes per element; returns the number of bytes written. Each element writes two slots; when one byte
     * was enough, the next element overwrites the second.
     */
    static int encode(byte[] value, byte[] target, int offset) {
        int position = offset;
        for (byte b : value) {
            int negative = (b >> 7) & 1;
            target[position] = (byte) (b ^ ((b ^ 0xcc) & -negative));
            target[position + 1] = b;
            position += 1 + negative;
        }
        return position - offset;
    }

    /**
     * Decodes {@code out.length} elements from {@code input}, starting at {@code start} and not reading at or
     * past {@code end}.
     *
     * @return the position after the last element, or -1 if an element is not canonical or the input ends
     *         first (the caller then looks again, element by element, to say which)
     */
    static int decode(byte[] input, int start, int end, byte[] out) {
        int count = out.length;
        int produced = 0;
        int cursor = start;
        int state = 0;
        long invalid = 0;
        while (produced + 8 <= count && cursor + 8 <= end) {
            long word = (long) LONG.get(input, cursor);
            int step = STEP[state << 8 | signBits(word)];
            invalid |= ((word ^ UINT8_MARKERS) & LANE_MASKS[(step >>> 8) & 0xff]) | ((step >>> 16) & 1);
            long shifts = SHIFTS[step & 0xff];
            out[produced] = (byte) (word >>> (int) shifts);
            out[produced + 1] = (byte) (word >>> (int) (shifts >>> 8));
            out[produced + 2] = (byte) (word >>> (int) (shifts >>> 16));
            out[produced + 3] = (byte) (word >>> (int) (shifts >>> 24));
            out[produced + 4] = (byte) (word >>> (int) (shifts >>> 32));
            out[produced + 5] = (byte) (word >>> (int) (shifts >>> 40));
            out[produced + 6] = (byte) (word >>> (int) (shifts >>> 48));
            out[produced + 7] = (byte) (word >>> (int) (shifts >>> 56));
            produced += step >>> 18;
            cursor += 8;
            state = (step >>> 17) & 1;
        }
        int marker = state;
        int notCanonical = invalid != 0 ? 1 : 0;
        for (; produced < count && cursor < end; cursor++) {
            int b = input[cursor];
            int negative = b >>> 31;
            notCanonical |= marker & (negative ^ 1);
            marker = negative & (marker ^ 1);
            int fromMarker = b - (byte) 0xcc;
            notCanonical |= marker & ((fromMarker | -fromMarker) >>> 31);
            out[produced] = (byte) b;
            produced += marker ^ 1;
        }
        return notCanonical != 0 || produced < count ? -1 : cursor;
    }
}
