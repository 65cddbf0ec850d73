package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * Feeds random and mutated bytes to every decoder. Whatever the input, the only exception that may escape is
 * {@link WireException}; and whatever a decoder accepts must re-encode to exactly the input (canonical
 * decoding: no two encodings of one value, so signatures cover what was received). Inputs come from a fixed
 * seed, so a failure repeats; its message shows the input in hex.
 */
class HostileInputFuzzTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final long SEED = 0x70d_2026L;
    private static final int MUTANTS_PER_SEED_INPUT = 3_000;
    private static final int RANDOM_INPUTS = 5_000;
    /** Bytes that start msgpack values whose length or type matters to the decoders. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x04, 0x0f, 0x10, 0x1f, 0x20, 0x40, 0x7f, 0x80, 0x8f, 0x90,
            0x92, 0x93, 0x96, 0x97, 0x98, 0x9a, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xcb, 0xcc, 0xcd, 0xce,
            0xcf, 0xd0, 0xd3, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xff};

    /** A decoder and the re-encoding of what it returns. */
    private record Codec(String name, Decode decode) {
    }

    private interface Decode {
        byte[] decodeAndReencode(byte[] input) throws WireException;
    }

    private static final List<Codec> CODECS = List.of(
            new Codec("envelope", input -> {
                DecodedEnvelope decoded = EnvelopeCodec.decode(input);
                assertThat(decoded.signingBytes().bytes()).isEqualTo(
                        EnvelopeCodec.signingBytes(decoded.envelope()).bytes());
                assertThat(decoded.wireLength()).isEqualTo(input.length);
                return EnvelopeCodec.encode(decoded.envelope());
            }),
            new Codec("ack", input -> AckPayload.decode(input).encode()),
            new Codec("read-receipt", input -> ReadReceiptPayload.decode(input).encode()),
            new Codec("encrypted-payload", input -> EncryptedPayloadCodec.encode(EncryptedPayloadCodec.decode(input))),
            new Codec("peer-announce", input -> PeerAnnounce.decode(input).encode()));

    /** Valid encodings of every structure, the starting points of mutation. */
    static List<byte[]> validInputs() {
        NodeId a = NodeId.of(filled(32, 0x11));
        NodeId b = NodeId.of(filled(32, 0xee));
        byte[] signature = new byte[64];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) (i * 37);
        }
        byte[] sealed = EncryptedPayloadCodec.encode(new SealedPayload(new byte[] {1, (byte) 200, 3, 4, 5, 6, 7, 8, 9,
                10, 11, 12, 13, 14, 15, 16, (byte) 170}, filled(24, 0x85), filled(32, 0x33)));
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(EnvelopeCodec.encode(new Envelope(new MessageId("3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8"), a, b,
                List.of(), MessageType.Chat, new byte[] {104, 105, (byte) 255}, 1_767_225_600_000L, signature, 4,
                false)));
        inputs.add(EnvelopeCodec.encode(new Envelope(new MessageId("id"), a, b, List.of(b, a), MessageType.Chat, sealed,
                5, signature, 3, true)));
        inputs.add(EnvelopeCodec.encode(new Envelope(new MessageId("ack"), b, a, List.of(a), MessageType.Ack,
                new AckPayload(new MessageId("id"), AckType.RecipientReceived).encode(), 1L << 40, new byte[0], 0,
                false)));
        inputs.add(new AckPayload(new MessageId("3f2a1b4c-5d6e-4f70-8192-a3b4c5d6e7f8"), AckType.RelayForwarded)
                .encode());
        inputs.add(new ReadReceiptPayload(new MessageId("m"), 1_767_225_600_000L).encode());
        inputs.add(new ReadReceiptPayload(new MessageId("m"), 200).encode());
        inputs.add(sealed);
        inputs.add(new PeerAnnounce(a, "bob", List.of(PeerRole.Relay.name()), 1_767_225_600_000L,
                List.of(TransportAddress.parse("quic:[2001:db8::1]:7400"), TransportAddress.parse("mem:bob")),
                List.of("compact"), signature).encode());
        inputs.add(new PeerAnnounce(b, "", List.of(), 0, List.of(), List.of(), new byte[0]).encode());
        return inputs;
    }

    @Test
    void everySeedInputIsAcceptedByItsOwnDecoderAndOnlyByIt() {
        int accepted = 0;
        for (byte[] input : validInputs()) {
            int acceptedBy = 0;
            for (Codec codec : CODECS) {
                acceptedBy += check(codec, input) ? 1 : 0;
            }
            assertThat(acceptedBy).as(HEX.formatHex(input)).isEqualTo(1);
            accepted++;
        }
        assertThat(accepted).isEqualTo(validInputs().size());
    }

    @Test
    void mutatedInputsOnlyEverRaiseWireException() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<byte[]> seeds = validInputs();
        int accepted = 0;
        int total = 0;
        for (byte[] seed : seeds) {
            for (int i = 0; i < MUTANTS_PER_SEED_INPUT; i++) {
                byte[] mutant = mutate(seed, seeds, random);
                for (Codec codec : CODECS) {
                    accepted += check(codec, mutant) ? 1 : 0;
                    total++;
                }
            }
        }
        // Some mutants stay valid (e.g. a changed payload byte); most must be refused. Both paths are exercised.
        assertThat(accepted).isPositive().isLessThan(total / 2);
    }

    @Test
    void randomBytesOnlyEverRaiseWireException() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            byte[] input = new byte[random.nextInt(0, 400)];
            random.nextBytes(input);
            if (input.length > 0 && random.nextBoolean()) {
                input[0] = (byte) (0x90 + random.nextInt(0, 16));
            }
            for (Codec codec : CODECS) {
                check(codec, input);
            }
        }
    }

    @Test
    void everyPrefixAndEverySingleByteValueAtEveryPositionIsHandled() {
        int checked = 0;
        for (byte[] seed : validInputs()) {
            for (int length = 0; length <= seed.length; length++) {
                byte[] prefix = Arrays.copyOf(seed, length);
                for (Codec codec : CODECS) {
                    check(codec, prefix);
                    checked++;
                }
            }
            for (int position = 0; position < Math.min(seed.length, 200); position++) {
                for (int value : INTERESTING) {
                    byte[] changed = seed.clone();
                    changed[position] = (byte) value;
                    for (Codec codec : CODECS) {
                        check(codec, changed);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void lengthHeadersClaimingHugeSizesAreRefusedWithoutAllocatingForThem() {
        List<String> headers = List.of("dc7fff", "dcffff", "dd7fffffff", "ddffffffff", "da7fff", "daffff", "db7fffffff",
                "dbffffffff", "d9ff", "c6ffffffff", "c57fff", "df7fffffff", "de7fff");
        List<byte[]> inputs = new ArrayList<>();
        for (String header : headers) {
            inputs.add(HEX.parseHex(header));
            inputs.add(HEX.parseHex("9a" + header));
            inputs.add(HEX.parseHex("92" + header));
            inputs.add(HEX.parseHex("93" + header));
            inputs.add(HEX.parseHex("97" + header));
            inputs.add(HEX.parseHex("9aa161" + header));
            inputs.add(HEX.parseHex("93" + header + "00".repeat(64)));
        }
        // the envelope up to its payload, then a payload header announcing 2^31 - 1 elements
        byte[] envelope = validInputs().get(0);
        String head = HEX.formatHex(envelope).substring(0, HEX.formatHex(envelope).indexOf("a443686174") + 10);
        inputs.add(HEX.parseHex(head + "dd7fffffff"));
        inputs.add(HEX.parseHex(head + "dc7fff" + "01".repeat(100)));

        for (int warmUp = 0; warmUp < 3; warmUp++) {
            inputs.forEach(input -> CODECS.forEach(codec -> check(codec, input)));
        }
        int rounds = 200;
        long before = allocatedByThisThread();
        for (int round = 0; round < rounds; round++) {
            for (byte[] input : inputs) {
                for (Codec codec : CODECS) {
                    assertThat(check(codec, input)).isFalse();
                }
            }
        }
        long perDecode = (allocatedByThisThread() - before) / ((long) rounds * inputs.size() * CODECS.size());
        // a refused input costs a reader, a message and an exception: a few kilobytes, never the size it claims
        assertThat(perDecode).isLessThan(16 * 1024);
    }

    /**
     * Bytes allocated so far by this thread (HotSpot's ThreadMXBean). Called reflectively because the tests are
     * compiled into the org.tomprotocol.core module, which does not read java.management.
     */
    private static long allocatedByThisThread() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this test needs HotSpot's com.sun.management.ThreadMXBean", e);
        }
    }

    /** Runs a decoder; true if it accepted (and then the re-encoding is the input), false on WireException. */
    private static boolean check(Codec codec, byte[] input) {
        try {
            byte[] again = codec.decode().decodeAndReencode(input);
            if (!Arrays.equals(again, input)) {
                fail(codec.name() + " accepted a non-canonical input: " + HEX.formatHex(input) + " re-encodes as "
                        + HEX.formatHex(again));
            }
            return true;
        } catch (WireException expected) {
            assertThat(expected.reason()).isNotBlank();
            return false;
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable unexpected) {
            throw new AssertionError(codec.name() + " threw " + unexpected + " on " + HEX.formatHex(input), unexpected);
        }
    }

    private static byte[] mutate(byte[] seed, List<byte[]> seeds, SplittableRandom random) {
        byte[] out = seed.clone();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            if (out.length == 0) {
                out = new byte[] {(byte) random.nextInt(256)};
            }
            int at = random.nextInt(out.length);
            switch (random.nextInt(9)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                case 3 -> out = Arrays.copyOf(out, random.nextInt(out.length + 1));
                case 4 -> out = insert(out, at, new byte[] {(byte) INTERESTING[random.nextInt(INTERESTING.length)]});
                case 5 -> out = remove(out, at, 1 + random.nextInt(Math.min(8, out.length - at)));
                case 6 -> {
                    int length = 1 + random.nextInt(Math.min(16, out.length - at));
                    out = insert(out, at, Arrays.copyOfRange(out, at, at + length));
                }
                case 7 -> {
                    byte[] other = seeds.get(random.nextInt(seeds.size()));
                    int from = random.nextInt(other.length);
                    out = insert(Arrays.copyOf(out, at), at, Arrays.copyOfRange(other, from, other.length));
                }
                default -> {
                    out[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                    for (int i = at + 1; i < Math.min(out.length, at + 5); i++) {
                        out[i] = (byte) (random.nextBoolean() ? 0xff : 0x7f);
                    }
                }
            }
        }
        return out;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    private static byte[] remove(byte[] bytes, int at, int length) {
        byte[] out = new byte[bytes.length - length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + length, out, at, bytes.length - at - length);
        return out;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
