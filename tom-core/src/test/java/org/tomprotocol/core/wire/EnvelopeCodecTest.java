package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

class EnvelopeCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final NodeId ONES = NodeId.of(filled((byte) 1));
    private static final NodeId TWOS = NodeId.of(filled((byte) 2));

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    private static String hexString(NodeId id) {
        return "d940" + HEX.formatHex(id.toHex().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static Envelope sample(byte[] signature) {
        return new Envelope(new MessageId("abc"), ONES, TWOS, List.of(), MessageType.Chat, new byte[] {5, (byte) 0xff},
                1_700_000_000_000L, signature, 4, false);
    }

    @Test
    void encodesExactlyAsGen2RmpSerde() {
        String expected = "9a" + "a3616263" + hexString(ONES) + hexString(TWOS) + "90" + "a443686174"
                + "9205ccff" + "cf0000018bcfe56800" + "90" + "04" + "c2";
        assertThat(HEX.formatHex(EnvelopeCodec.encode(sample(new byte[0])))).isEqualTo(expected);
    }

    @Test
    void signingBytesAreTheEightFieldArrayWithoutSignatureAndTtl() {
        String expected = "98" + "a3616263" + hexString(ONES) + hexString(TWOS) + "90" + "a443686174"
                + "9205ccff" + "cf0000018bcfe56800" + "c2";
        assertThat(HEX.formatHex(EnvelopeCodec.signingBytes(sample(new byte[64])).bytes())).isEqualTo(expected);
    }

    @Test
    void decodeGivesBackTheEnvelopeAndTheBytesItsSignatureCovers() throws WireException {
        byte[] signature = new byte[64];
        signature[0] = (byte) 200;
        Envelope envelope = new Envelope(new MessageId("id-1"), ONES, TWOS, List.of(TWOS, ONES), MessageType.Ack,
                new byte[] {1, 2, (byte) 128}, 42, signature, 3, true);
        byte[] wire = EnvelopeCodec.encode(envelope);
        DecodedEnvelope decoded = EnvelopeCodec.decode(wire);
        Envelope back = decoded.envelope();
        assertThat(back.id()).isEqualTo(envelope.id());
        assertThat(back.via()).containsExactly(TWOS, ONES);
        assertThat(back.payload()).containsExactly(1, 2, 128 - 256);
        assertThat(back.signature()).isEqualTo(signature);
        assertThat(back.ttl()).isEqualTo(3);
        assertThat(back.encrypted()).isTrue();
        assertThat(decoded.signingBytes().bytes()).isEqualTo(EnvelopeCodec.signingBytes(envelope).bytes());
        assertThat(EnvelopeCodec.encode(back, decoded.signingBytes())).isEqualTo(wire);
    }

    @Test
    void rejectsNonCanonicalByteElements() {
        byte[] wire = EnvelopeCodec.encode(sample(new byte[0]));
        String hex = HEX.formatHex(wire).replace("9205ccff", "92cc05ccff");
        assertThatThrownBy(() -> EnvelopeCodec.decode(HEX.parseHex(hex)))
                .isInstanceOf(WireException.class).extracting("reason").isEqualTo("non-canonical");
    }

    @Test
    void rejectsUnknownMessageTypeTrailingBytesAndOversizeInput() {
        byte[] wire = EnvelopeCodec.encode(sample(new byte[0]));
        String unknown = HEX.formatHex(wire).replace("a443686174", "a44368617a");
        assertThatThrownBy(() -> EnvelopeCodec.decode(HEX.parseHex(unknown)))
                .isInstanceOf(WireException.class).extracting("reason").isEqualTo("unknown-message-type");
        byte[] trailing = java.util.Arrays.copyOf(wire, wire.length + 1);
        assertThatThrownBy(() -> EnvelopeCodec.decode(trailing))
                .isInstanceOf(WireException.class).extracting("reason").isEqualTo("trailing-bytes");
        assertThatThrownBy(() -> EnvelopeCodec.decode(new byte[EnvelopeCodec.MAX_ENVELOPE_BYTES + 1]))
                .isInstanceOf(WireException.class).extracting("reason").isEqualTo("too-large");
    }

    @Test
    void everyTruncationIsAWireExceptionNeverAnUncheckedOne() {
        byte[] wire = EnvelopeCodec.encode(sample(new byte[64]));
        for (int length = 0; length < wire.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(wire, length);
            assertThatThrownBy(() -> EnvelopeCodec.decode(truncated)).isInstanceOf(WireException.class);
        }
    }

    @Test
    void hugeAnnouncedLengthsAreRejectedBeforeAllocating() {
        // array32 header announcing 2^31-1 payload elements right where the payload starts
        byte[] wire = EnvelopeCodec.encode(sample(new byte[0]));
        String hex = HEX.formatHex(wire).replace("9205ccff", "dd7fffffff");
        assertThatThrownBy(() -> EnvelopeCodec.decode(HEX.parseHex(hex)))
                .isInstanceOf(WireException.class).extracting("reason").isEqualTo("too-large");
    }
}
