package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * The payload codecs (acknowledgement, read receipt, encrypted payload, peer announce): exact Gen-2 bytes,
 * round trips, and a catalogue of hostile inputs, each refused with a {@link WireException} and a stable reason.
 */
class PayloadCodecsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final MessageId ID = new MessageId("abc");
    private static final NodeId NODE = NodeId.of(filled(32, 0xab));

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static String str(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String header = utf8.length < 32 ? HEX.toHexDigits((byte) (0xa0 | utf8.length))
                : "d9" + HEX.toHexDigits((byte) utf8.length);
        return header + HEX.formatHex(utf8);
    }

    private static String byteElements(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(b < 0 ? "cc" : "").append(HEX.toHexDigits(b));
        }
        return out.toString();
    }

    // --- acknowledgements ------------------------------------------------------------------------------

    @Test
    void ackIsATwoElementArrayOfIdAndVariantName() throws WireException {
        AckPayload recipient = new AckPayload(ID, AckType.RecipientReceived);
        AckPayload relay = new AckPayload(ID, AckType.RelayForwarded);
        assertThat(HEX.formatHex(recipient.encode())).isEqualTo("92" + str("abc") + str("RecipientReceived"));
        assertThat(HEX.formatHex(relay.encode())).isEqualTo("92" + str("abc") + str("RelayForwarded"));
        assertThat(AckPayload.decode(recipient.encode())).isEqualTo(recipient);
        assertThat(AckPayload.decode(relay.encode())).isEqualTo(relay);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "empty input,                  '',                                        malformed",
            "not an array,                 a3616263,                                  malformed",
            "one field,                    91a3616263,                                malformed",
            "three fields,                 93a3616263ae52656c6179466f72776172646564c0, too-large",
            "empty id,                     92a0ae52656c6179466f72776172646564,        malformed",
            "unknown ack type,             92a3616263a44e6f7065,                      malformed",
            "ack type in wrong case,       92a3616263ae72656c6179466f72776172646564,  malformed",
            "ack type as integer,          92a361626301,                              malformed",
            "id as bin,                    92c403616263ae52656c6179466f72776172646564, malformed",
            "id in str8 though short,      92d903616263ae52656c6179466f72776172646564, non-canonical",
            "array16 header for 2,         dc0002a3616263ae52656c6179466f72776172646564, non-canonical",
            "invalid utf-8 id,             92a2c328ae52656c6179466f72776172646564,    malformed",
            "trailing byte,                92a3616263ae52656c6179466f7277617264656400, trailing-bytes",
            "truncated,                    92a3616263ae52656c6179466f727761726465,    malformed",
            "id claims 4 GiB,              92dbffffffff,                              malformed",
            "id claims 2^31-1,             92db7fffffff,                              too-large",
    })
    void hostileAcksAreRefused(String what, String hex, String reason) {
        assertRefused(() -> AckPayload.decode(HEX.parseHex(hex)), reason);
    }

    @Test
    void ackIdLongerThanSixtyFourBytesIsRefused() {
        String longId = "x".repeat(MessageId.MAX_LENGTH + 1);
        byte[] bytes = HEX.parseHex("92" + str(longId) + str("RelayForwarded"));
        assertRefused(() -> AckPayload.decode(bytes), "too-large");
        byte[] fits = HEX.parseHex("92" + str(longId.substring(1)) + str("RelayForwarded"));
        assertThat(catchDecode(() -> AckPayload.decode(fits))).isNull();
    }

    // --- read receipts ---------------------------------------------------------------------------------

    @Test
    void readReceiptIsIdAndCompactMilliseconds() throws WireException {
        ReadReceiptPayload receipt = new ReadReceiptPayload(ID, 1_700_000_000_000L);
        assertThat(HEX.formatHex(receipt.encode())).isEqualTo("92" + str("abc") + "cf0000018bcfe56800");
        assertThat(ReadReceiptPayload.decode(receipt.encode())).isEqualTo(receipt);
        for (long readAt : new long[] {0, 127, 128, 255, 256, 65535, 65536, (1L << 32) - 1, 1L << 32, Long.MAX_VALUE}) {
            ReadReceiptPayload value = new ReadReceiptPayload(ID, readAt);
            assertThat(ReadReceiptPayload.decode(value.encode())).isEqualTo(value);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "read_at as uint8 though small, 92a3616263cc05,              non-canonical",
            "read_at as uint16 for 200,     92a3616263cd00c8,            non-canonical",
            "read_at as uint32 for 65535,   92a3616263ce0000ffff,        non-canonical",
            "read_at as uint64 for 2^32-1,  92a3616263cf00000000ffffffff, non-canonical",
            "read_at above 2^63,            92a3616263cf8000000000000000, malformed",
            "negative read_at,              92a3616263ff,                malformed",
            "negative int8 read_at,         92a3616263d0ff,              malformed",
            "float read_at,                 92a3616263cb3ff0000000000000, malformed",
            "nil read_at,                   92a3616263c0,                malformed",
            "empty id,                      92a005,                      malformed",
            "trailing byte,                 92a36162630505,              trailing-bytes",
            "truncated uint64,              92a3616263cf00000000,        malformed",
            "map instead of array,          82a3616263,                  malformed",
    })
    void hostileReadReceiptsAreRefused(String what, String hex, String reason) {
        assertRefused(() -> ReadReceiptPayload.decode(HEX.parseHex(hex)), reason);
    }

    // --- encrypted payloads ----------------------------------------------------------------------------

    @Test
    void encryptedPayloadIsThreeIntegerArrays() throws WireException {
        byte[] ciphertext = {0, 127, (byte) 128, (byte) 255};
        byte[] nonce = filled(24, 0x81);
        byte[] ephemeral = filled(32, 0x05);
        SealedPayload sealed = new SealedPayload(ciphertext, nonce, ephemeral);
        String expected = "93" + "94" + "007fcc80ccff" + "dc0018" + byteElements(nonce) + "dc0020"
                + byteElements(ephemeral);
        assertThat(HEX.formatHex(EncryptedPayloadCodec.encode(sealed))).isEqualTo(expected);
        SealedPayload back = EncryptedPayloadCodec.decode(EncryptedPayloadCodec.encode(sealed));
        assertThat(back.ciphertext()).isEqualTo(ciphertext);
        assertThat(back.nonce()).isEqualTo(nonce);
        assertThat(back.ephemeralPublicKey()).isEqualTo(ephemeral);
    }

    @Test
    void hostileEncryptedPayloadsAreRefused() {
        String nonce = "dc0018" + "01".repeat(24);
        String key = "dc0020" + "02".repeat(32);
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("92" + "90" + nonce)), "malformed");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "90" + "dc0017" + "01".repeat(23) + key)),
                "malformed");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "90" + nonce + "dc001f"
                + "02".repeat(31))), "malformed");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "90" + nonce + "dc0021"
                + "02".repeat(33))), "too-large");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "c403010203" + nonce + key)),
                "malformed");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "91cc05" + nonce + key)),
                "non-canonical");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "91cd0100" + nonce + key)),
                "malformed");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "91ff" + nonce + key)), "malformed");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "dc0001" + "05" + nonce + key)),
                "non-canonical");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "dd7fffffff" + nonce + key)),
                "too-large");
        assertRefused(() -> EncryptedPayloadCodec.decode(HEX.parseHex("93" + "90" + nonce + key + "c0")),
                "trailing-bytes");
    }

    // --- peer announces --------------------------------------------------------------------------------

    private static PeerAnnounce announce(byte[] signature) {
        return new PeerAnnounce(NODE, "alice", PeerRole.names(List.of(PeerRole.Peer, PeerRole.Relay)), 1_700_000_000_000L,
                List.of(TransportAddress.parse("quic:203.0.113.5:7400"), TransportAddress.parse("mem:alice")),
                List.of(WireProfile.COMPACT.token()), signature);
    }

    @Test
    void announceIsEightFieldsAndItsSignatureCoversTheFirstSevenAsAnArray() throws WireException {
        byte[] signature = filled(64, 0x90);
        PeerAnnounce announce = announce(signature);
        String signed = str(NODE.toHex()) + str("alice") + "92" + str("Peer") + str("Relay") + "c0"
                + "cf0000018bcfe56800" + "92" + str("quic:203.0.113.5:7400") + str("mem:alice") + "91" + str("compact");
        assertThat(HEX.formatHex(announce.signingBytes())).isEqualTo("97" + signed);
        assertThat(HEX.formatHex(announce.encode())).isEqualTo("98" + signed + "dc0040" + byteElements(signature));
        PeerAnnounce back = PeerAnnounce.decode(announce.encode());
        assertThat(back.nodeId()).isEqualTo(NODE);
        assertThat(back.username()).isEqualTo("alice");
        assertThat(back.roles()).containsExactly("Peer", "Relay");
        assertThat(back.announces(PeerRole.Relay)).isTrue();
        assertThat(back.announces(PeerRole.Backup)).isFalse();
        assertThat(back.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(back.addresses()).isEqualTo(announce.addresses());
        assertThat(back.wireProfiles()).containsExactly("compact");
        assertThat(back.accepts(WireProfile.COMPACT)).isTrue();
        assertThat(back.signature()).isEqualTo(signature);
        assertThat(back.signingBytes()).isEqualTo(announce.signingBytes());
    }

    @Test
    void anAnnounceWithoutTheCompactProfileAcceptsOnlyTheReferenceOneAndUnknownProfilesAreKeptForItsSignature()
            throws WireException {
        PeerAnnounce silent = PeerAnnounce.decode(HEX.parseHex("98" + str(NODE.toHex()) + str("alice") + "90c0"
                + "cf0000018bcfe56800" + "90" + "91" + str("future-v9") + "90"));
        assertThat(silent.accepts(WireProfile.REFERENCE)).isTrue();
        assertThat(silent.accepts(WireProfile.COMPACT)).isFalse();
        assertThat(HEX.formatHex(silent.signingBytes())).endsWith("91" + str("future-v9"));
    }

    @Test
    void theEarnedRolesAreAnnouncedByNameAndRoleNamesNotKnownHereAreKeptForTheSignatureAndIgnored()
            throws WireException {
        PeerAnnounce earned = PeerAnnounce.decode(HEX.parseHex("98" + str(NODE.toHex()) + str("alice") + "94"
                + str("Peer") + str("Backup") + str("HubCandidate") + str("Guardian") + "c0"
                + "cf0000018bcfe56800" + "90" + "90" + "90"));

        assertThat(earned.announces(PeerRole.Backup)).isTrue();
        assertThat(earned.announces(PeerRole.HubCandidate)).isTrue();
        assertThat(earned.announces(PeerRole.Relay)).isFalse();
        assertThat(earned.roles()).containsExactly("Peer", "Backup", "HubCandidate", "Guardian");
        assertThat(HEX.formatHex(earned.signingBytes())).contains(str("Guardian"));
    }

    @Test
    void hostileAnnouncesAreRefused() {
        String prefix = "98" + str(NODE.toHex()) + str("alice") + "91" + str("Peer");
        String tail = "cf0000018bcfe56800" + "90" + "90" + "90";
        assertThat(catchDecode(() -> PeerAnnounce.decode(HEX.parseHex(prefix + "c0" + tail)))).isNull();
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex(prefix + "dc0020" + "01".repeat(32) + tail)),
                "malformed");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex("98" + str(NODE.toHex()) + str("alice") + "91"
                + str("R".repeat(PeerAnnounce.MAX_ROLE_BYTES + 1)) + "c0" + tail)), "too-large");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex("98" + str(NODE.toHex()) + str("alice") + "99"
                + str("Peer").repeat(9) + "c0" + tail)), "too-large");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex("98" + str(NODE.toHex().toUpperCase()) + str("alice")
                + "90c0" + tail)), "bad-node-id");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex("98" + str(NODE.toHex().substring(2)) + str("alice")
                + "90c0" + tail)), "bad-node-id");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex("98" + str(NODE.toHex()) + str("x".repeat(65))
                + "90c0" + tail)), "too-large");
        // the 7-field form of the announce (before wire profiles) is refused, as is any other arity
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex("97" + str(NODE.toHex()) + str("alice") + "90c0"
                + "cf0000018bcfe56800" + "90" + "90")), "malformed");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex(prefix + "c0" + tail + "c0")), "trailing-bytes");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex(prefix + "c0" + "cf0000018bcfe56800" + "dc0011"
                + str("mem:a").repeat(17) + "90" + "90")), "too-large");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex(prefix + "c0" + "cf0000018bcfe56800" + "91"
                + str("quic:") + "90" + "90")), "malformed");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex(prefix + "c0" + "cf0000018bcfe56800" + "90" + "90"
                + "dc0041" + "01".repeat(65))), "too-large");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex(prefix + "c0" + "cf0000018bcfe56800" + "90"
                + "99" + str("compact").repeat(9) + "90")), "too-large");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex(prefix + "c0" + "cf0000018bcfe56800" + "90"
                + "91" + str("p".repeat(PeerAnnounce.MAX_WIRE_PROFILE_BYTES + 1)) + "90")), "too-large");
        assertRefused(() -> PeerAnnounce.decode(HEX.parseHex(prefix + "c0" + "cf0000018bcfe56800" + "90"
                + "9101" + "90")), "malformed");
        assertRefused(() -> PeerAnnounce.decode(new byte[8 * 1024 + 1]), "too-large");
    }

    @Test
    void announceAddressesMustBeInTheCanonicalFormTheSignatureCovers() {
        // parse() would turn each of these into quic:203.0.113.5:7400, so a signed announce could be altered
        // (e.g. one bit turning 'q' into 'Q') without breaking its signature; the decoder refuses them.
        String prefix = "98" + str(NODE.toHex()) + str("alice") + "90" + "c0" + "cf0000018bcfe56800" + "91";
        for (String lenient : List.of("Quic:203.0.113.5:7400", " quic:203.0.113.5:7400", "203.0.113.5:7400",
                "quic://203.0.113.5:7400")) {
            assertRefused(() -> PeerAnnounce.decode(HEX.parseHex(prefix + str(lenient) + "90" + "90")),
                    "non-canonical");
        }
        assertThat(catchDecode(() -> PeerAnnounce.decode(HEX.parseHex(prefix + str("quic:203.0.113.5:7400") + "90"
                + "90")))).isNull();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    interface Decode {
        Object run() throws WireException;
    }

    static void assertRefused(Decode decode, String reason) {
        assertThatThrownBy(decode::run).isInstanceOf(WireException.class).extracting("reason").isEqualTo(reason);
    }

    private static WireException catchDecode(Decode decode) {
        try {
            decode.run();
            return null;
        } catch (WireException e) {
            return e;
        }
    }
}
