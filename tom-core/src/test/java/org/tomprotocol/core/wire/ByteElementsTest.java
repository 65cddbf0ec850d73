package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The table-driven, eight-bytes-at-a-time element codec against the obvious one-element-at-a-time definition,
 * on random data of every length around the block size, with whatever follows the elements, and with every
 * kind of corruption at every position. Seeded, so a failure repeats.
 */
class ByteElementsTest {
    private final SplittableRandom random = new SplittableRandom(20260101);

    /** The definition: one byte below 128, else 0xcc then the byte. */
    private static byte[] referenceEncode(byte[] value) {
        byte[] out = new byte[2 * value.length];
        int position = 0;
        for (byte b : value) {
            if (b < 0) {
                out[position++] = (byte) 0xcc;
            }
            out[position++] = b;
        }
        return Arrays.copyOf(out, position);
    }

    /** The definition: the position after {@code count} canonical elements, or -1. */
    private static int referenceDecode(byte[] input, int start, int end, byte[] out) {
        int cursor = start;
        for (int i = 0; i < out.length; i++) {
            if (cursor >= end) {
                return -1;
            }
            byte b = input[cursor];
            if (b >= 0) {
                out[i] = b;
                cursor++;
            } else if (b == (byte) 0xcc && cursor + 1 < end && input[cursor + 1] < 0) {
                out[i] = input[cursor + 1];
                cursor += 2;
            } else {
                return -1;
            }
        }
        return cursor;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        switch (random.nextInt(4)) {
            case 0 -> random.nextBytes(bytes);
            case 1 -> Arrays.fill(bytes, (byte) 0xcc);
            case 2 -> {
                for (int i = 0; i < length; i++) {
                    bytes[i] = (byte) (random.nextBoolean() ? 0x80 | random.nextInt(128) : random.nextInt(3));
                }
            }
            default -> {
                for (int i = 0; i < length; i++) {
                    bytes[i] = (byte) (random.nextInt(10) == 0 ? 0x80 + random.nextInt(128) : random.nextInt(128));
                }
            }
        }
        return bytes;
    }

    @Test
    void encodingIsTheDefinition() {
        for (int round = 0; round < 3_000; round++) {
            byte[] value = randomBytes(random.nextInt(0, 80));
            byte[] target = new byte[2 * value.length + 3];
            int length = ByteElements.encode(value, target, 3);
            assertThat(Arrays.copyOfRange(target, 3, 3 + length)).isEqualTo(referenceEncode(value));
        }
    }

    @Test
    void decodingRoundTripsAndStopsExactlyAfterTheLastElementWhateverFollows() {
        for (int round = 0; round < 5_000; round++) {
            byte[] value = randomBytes(random.nextInt(0, 70));
            byte[] encoded = referenceEncode(value);
            byte[] prefix = randomBytes(random.nextInt(0, 5));
            byte[] suffix = randomBytes(random.nextInt(0, 20));
            byte[] input = concat(prefix, encoded, suffix);
            byte[] out = new byte[value.length];
            int cursor = ByteElements.decode(input, prefix.length, input.length, out);
            assertThat(cursor).as("round %d", round).isEqualTo(prefix.length + encoded.length);
            assertThat(out).isEqualTo(value);
        }
    }

    @Test
    void largeRandomArraysRoundTrip() {
        for (int length : new int[] {65_536, 98_375, 262_144}) {
            byte[] value = new byte[length];
            random.nextBytes(value);
            byte[] encoded = new byte[2 * length];
            int encodedLength = ByteElements.encode(value, encoded, 0);
            byte[] out = new byte[length];
            assertThat(ByteElements.decode(encoded, 0, encodedLength, out)).isEqualTo(encodedLength);
            assertThat(out).isEqualTo(value);
        }
    }

    @Test
    void everyCorruptionIsJudgedExactlyAsTheDefinitionJudgesIt() {
        int[] interesting = {0x00, 0x7f, 0x80, 0xcb, 0xcc, 0xcd, 0xff, 0x05};
        int refused = 0;
        int checked = 0;
        for (int round = 0; round < 400; round++) {
            byte[] value = randomBytes(random.nextInt(1, 40));
            byte[] encoded = concat(referenceEncode(value), randomBytes(random.nextInt(0, 10)));
            for (int position = 0; position < encoded.length; position++) {
                for (int replacement : interesting) {
                    byte[] input = encoded.clone();
                    input[position] = (byte) replacement;
                    for (int end : new int[] {input.length, Math.max(0, input.length - 1 - random.nextInt(4))}) {
                        byte[] expected = new byte[value.length];
                        byte[] actual = new byte[value.length];
                        int reference = referenceDecode(input, 0, end, expected);
                        int fast = ByteElements.decode(input, 0, end, actual);
                        assertThat(fast).as("input %s, end %d", java.util.HexFormat.of().formatHex(input), end)
                                .isEqualTo(reference);
                        if (reference >= 0) {
                            assertThat(actual).isEqualTo(expected);
                        } else {
                            refused++;
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(refused).isPositive().isLessThan(checked);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int position = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, position, part.length);
            position += part.length;
        }
        return out;
    }
}
