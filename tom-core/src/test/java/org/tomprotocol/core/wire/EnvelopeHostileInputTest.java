package org.tomprotocol.core.wire;

import static org.tomprotocol.core.wire.PayloadCodecsTest.assertRefused;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The envelope decoder field by field: each case replaces one field of a valid envelope with a hostile value
 * and expects a {@link WireException} with a stable reason.
 */
class EnvelopeHostileInputTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String NODE_A = str("ab".repeat(32));
    private static final String NODE_B = str("cd".repeat(32));
    private static final String SIGNATURE = "dc0040" + "01".repeat(64);

    private static String str(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String header = utf8.length < 32 ? HEX.toHexDigits((byte) (0xa0 | utf8.length))
                : utf8.length < 256 ? "d9" + HEX.toHexDigits((byte) utf8.length)
                : "da" + HEX.toHexDigits((short) utf8.length);
        return header + HEX.formatHex(utf8);
    }

    /** A valid envelope with one field replaced: fields are id, from, to, via, type, payload, ts, sig, ttl, enc. */
    private static byte[] envelope(int field, String replacement) {
        String[] fields = {str("id-1"), NODE_A, NODE_B, "90", str("Chat"), "9205ccff", "cf0000019b76daa800",
                SIGNATURE, "04", "c2"};
        if (field >= 0) {
            fields[field] = replacement;
        }
        return HEX.parseHex("9a" + String.join("", fields));
    }

    @Test
    void theBaseEnvelopeIsValid() throws WireException {
        EnvelopeCodec.decode(envelope(-1, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "empty id,                        0, a0,                    malformed",
            "id of 65 bytes,                  0, d941" + "78787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878" + "78, too-large",
            "id as integer,                   0, 05,                    malformed",
            "id with invalid utf-8,           0, a2c328,                malformed",
            "from in upper case,              1, d940" + "4142414241424142414241424142414241424142414241424142414241424142414241424142414241424142414241424142414241424142414241424142" + "4142, bad-node-id",
            "from of 63 characters,           1, d93f" + "616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161" + ", bad-node-id",
            "from in base32,                  1, d934" + "41414141414141414141414141414141414141414141414141414141414141414141414141414141414141414141414141414141" + ", bad-node-id",
            "from as bin,                     1, c420" + "0101010101010101010101010101010101010101010101010101010101010101" + ", malformed",
            "to as nil,                       2, c0,                    malformed",
            "via not an array,                3, c0,                    malformed",
            "via with a non-string,           3, 9101,                  malformed",
            "via of 17 relays,                3, dc0011,                too-large",
            "via claiming 65535 relays,       3, dcffff,                too-large",
            "unknown message type,            4, a44e6f7065,            unknown-message-type",
            "message type in lower case,      4, a463686174,            unknown-message-type",
            "message type too long,           4, " + "bf47726f757053656e6465724b6579446973747269627574696f6e5858585858" + ", too-large",
            "payload as bin,                  5, c40205ff,              malformed",
            "payload element above 255,       5, 91cd0100,              malformed",
            "payload element negative,        5, 91ff,                  malformed",
            "payload element uint8 below 128, 5, 91cc05,                non-canonical",
            "payload in array16 though short, 5, dc000205ccff,          non-canonical",
            "payload claiming 2^31-1,         5, dd7fffffff,            too-large",
            "timestamp negative,              6, d3ffffffffffffffff,    malformed",
            "timestamp above 2^63,            6, cf8000000000000000,    malformed",
            "timestamp not compact,           6, cf0000000000000005,    non-canonical",
            "timestamp as float,              6, cb41d9b76daa800000,    malformed",
            "signature of 63 bytes,           7, dc003f" + "010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101" + ", malformed",
            "signature of 65 bytes,           7, dc0041,                too-large",
            "signature as nil,                7, c0,                    malformed",
            "ttl negative,                    8, ff,                    malformed",
            "ttl above 2^31-1,                8, ce80000000,            out-of-range",
            "ttl not compact,                 8, cc04,                  non-canonical",
            "encrypted as integer,            9, 00,                    malformed",
            "encrypted as nil,                9, c0,                    malformed",
    })
    void hostileFieldsAreRefused(String what, int field, String replacement, String reason) {
        assertRefused(() -> EnvelopeCodec.decode(envelope(field, replacement)), reason);
    }

    @Test
    void theOuterArrayMustBeTheTenElementFixarray() {
        byte[] valid = envelope(-1, null);
        byte[] nine = valid.clone();
        nine[0] = (byte) 0x99;
        assertRefused(() -> EnvelopeCodec.decode(nine), "malformed");
        String rest = HEX.formatHex(valid).substring(2);
        assertRefused(() -> EnvelopeCodec.decode(HEX.parseHex("dc000a" + rest)), "malformed");
        assertRefused(() -> EnvelopeCodec.decode(HEX.parseHex("8a" + rest)), "malformed");
        assertRefused(() -> EnvelopeCodec.decode(new byte[0]), "malformed");
        byte[] eleven = HEX.parseHex("9b" + rest + "c2");
        assertRefused(() -> EnvelopeCodec.decode(eleven), "malformed");
    }

    @Test
    void anEnvelopeOfExactlyTheCapIsDecodedAndOneByteMoreIsNot() throws WireException {
        String head = "9a" + str("id-1") + NODE_A + NODE_B + "90" + str("Chat");
        String tail = "cf0000019b76daa800" + SIGNATURE + "04" + "c2";
        int fixed = (head.length() + tail.length()) / 2 + 5;
        int elements = EnvelopeCodec.MAX_ENVELOPE_BYTES - fixed;
        String payload = "dd" + String.format("%08x", elements) + "01".repeat(elements);
        byte[] atCap = HEX.parseHex(head + payload + tail);
        org.assertj.core.api.Assertions.assertThat(atCap).hasSize(EnvelopeCodec.MAX_ENVELOPE_BYTES);
        org.assertj.core.api.Assertions.assertThat(EnvelopeCodec.decode(atCap).envelope().payload()).hasSize(elements);
        byte[] overCap = HEX.parseHex(head + "dd" + String.format("%08x", elements + 1) + "01".repeat(elements + 1)
                + tail);
        assertRefused(() -> EnvelopeCodec.decode(overCap), "too-large");
    }
}
