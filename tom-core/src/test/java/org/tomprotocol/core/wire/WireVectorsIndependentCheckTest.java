package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.Value;
import org.msgpack.value.ValueFactory;
import org.msgpack.value.ValueType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.subtle.X25519;
import com.google.crypto.tink.subtle.XChaCha20Poly1305;

/**
 * Checks {@code docs/wire-vectors.json} by a second, independent path, reading only the file: the envelope is
 * parsed with msgpack-core's generic {@link Value} API (not our codec) and re-packed from those values; the
 * signature is checked with the JDK's Ed25519; encrypted payloads are opened with Tink's X25519, HKDF and
 * XChaCha20-Poly1305, with the recipient's X25519 secret derived here from the seed (SHA-512, clamp). Byte strings
 * are integer arrays in the reference profile and {@code bin} in the compact one, as each vector's {@code profile}
 * says.
 */
class WireVectorsIndependentCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<String> FIELDS = Set.of("name", "sender_seed", "recipient_seed", "envelope",
            "signing_bytes", "signature", "plaintext", "ephemeral_secret", "nonce", "payload", "msg_type", "ttl",
            "profile");
    private static final byte[] ED25519_SPKI_PREFIX = HEX.parseHex("302a300506032b6570032100");
    private static final byte[] E2E_INFO = "tom-protocol-e2e-xchacha20poly1305-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int ID = 0;
    private static final int FROM = 1;
    private static final int TO = 2;
    private static final int VIA = 3;
    private static final int MSG_TYPE = 4;
    private static final int PAYLOAD = 5;
    private static final int TIMESTAMP = 6;
    private static final int SIGNATURE = 7;
    private static final int TTL = 8;
    private static final int ENCRYPTED = 9;

    private static List<JsonNode> vectors;

    @BeforeAll
    static void readTheFile() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(WireVectors.file(), StandardCharsets.UTF_8));
        vectors = new ArrayList<>();
        root.get("vectors").forEach(vectors::add);
    }

    @Test
    void everyVectorHasExactlyTheDocumentedFields() {
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(6);
        for (JsonNode vector : vectors) {
            Set<String> names = new TreeSet<>();
            vector.fieldNames().forEachRemaining(names::add);
            assertThat(names).as(vector.path("name").asText()).isEqualTo(new TreeSet<>(FIELDS));
            assertThat(vector.get("name").isTextual()).isTrue();
            assertThat(vector.get("msg_type").isTextual()).isTrue();
            assertThat(vector.get("ttl").isInt()).isTrue();
            assertThat(vector.get("profile").asText()).isIn("reference", "compact");
            for (String field : FIELDS) {
                JsonNode value = vector.get(field);
                if (!Set.of("name", "msg_type", "ttl", "profile").contains(field) && !value.isNull()) {
                    assertThat(value.asText()).as(field).matches("([0-9a-f]{2})*");
                }
            }
        }
    }

    @Test
    void envelopesParseAsGen2PositionalArraysWithTheGenericMsgpackApi() throws IOException {
        for (JsonNode vector : vectors) {
            byte[] wire = hex(vector, "envelope");
            List<Value> fields = unpackWhole(wire).asArrayValue().list();
            assertThat(fields).as(name(vector)).hasSize(10);
            assertThat(fields.get(ID).asStringValue().asString()).matches(
                    "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(fields.get(FROM).asStringValue().asString()).matches("[0-9a-f]{64}");
            assertThat(fields.get(TO).asStringValue().asString()).matches("[0-9a-f]{64}");
            for (Value relay : fields.get(VIA).asArrayValue()) {
                assertThat(relay.asStringValue().asString()).matches("[0-9a-f]{64}");
            }
            assertThat(fields.get(MSG_TYPE).asStringValue().asString()).isEqualTo(vector.get("msg_type").asText());
            ValueType byteStrings = byteStringType(vector);
            assertThat(fields.get(PAYLOAD).getValueType()).as(name(vector)).isEqualTo(byteStrings);
            assertThat(fields.get(SIGNATURE).getValueType()).as(name(vector)).isEqualTo(byteStrings);
            assertThat(byteArray(fields.get(PAYLOAD))).isEqualTo(hex(vector, "payload"));
            assertThat(fields.get(TIMESTAMP).asIntegerValue().asLong()).isPositive();
            assertThat(byteArray(fields.get(SIGNATURE))).isEqualTo(hex(vector, "signature")).hasSize(64);
            assertThat(fields.get(TTL).asIntegerValue().asInt()).isEqualTo(vector.get("ttl").asInt());
            assertThat(fields.get(ENCRYPTED).getValueType()).isEqualTo(ValueType.BOOLEAN);

            // msgpack-core's own packer, fed the generic values, writes every value in its most compact form:
            // the vectors must be exactly that (Gen-2's rmp-serde output).
            assertThat(pack(fields)).as(name(vector)).isEqualTo(wire);
            List<Value> signed = new ArrayList<>(fields);
            signed.remove(TTL);
            signed.remove(SIGNATURE);
            assertThat(pack(signed)).as(name(vector)).isEqualTo(hex(vector, "signing_bytes"));
        }
    }

    @Test
    void signaturesVerifyWithTheJdkAndAreTheJdksDeterministicSignatureOfTheSendersSeed()
            throws GeneralSecurityException, IOException {
        for (JsonNode vector : vectors) {
            List<Value> fields = unpackWhole(hex(vector, "envelope")).asArrayValue().list();
            byte[] signingBytes = hex(vector, "signing_bytes");
            byte[] signature = hex(vector, "signature");
            PublicKey from = ed25519PublicKey(HEX.parseHex(fields.get(FROM).asStringValue().asString()));

            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(from);
            verifier.update(signingBytes);
            assertThat(verifier.verify(signature)).as(name(vector)).isTrue();

            // RFC 8032 signing is deterministic and hashes the public key derived from the seed, so equality
            // also proves that "from" is the sender seed's key.
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(ed25519PrivateKey(hex(vector, "sender_seed")));
            signer.update(signingBytes);
            assertThat(signer.sign()).as(name(vector)).isEqualTo(signature);

            Signature recipientCheck = Signature.getInstance("Ed25519");
            recipientCheck.initSign(ed25519PrivateKey(hex(vector, "recipient_seed")));
            recipientCheck.update(signingBytes);
            byte[] byRecipient = recipientCheck.sign();
            verifier.initVerify(ed25519PublicKey(HEX.parseHex(fields.get(TO).asStringValue().asString())));
            verifier.update(signingBytes);
            assertThat(verifier.verify(byRecipient)).as("'to' is the recipient seed's key").isTrue();
        }
    }

    @Test
    void encryptedPayloadsOpenWithTinkAndPlainOnesCarryThePlaintext() throws Exception {
        int opened = 0;
        for (JsonNode vector : vectors) {
            List<Value> fields = unpackWhole(hex(vector, "envelope")).asArrayValue().list();
            boolean encrypted = fields.get(ENCRYPTED).asBooleanValue().getBoolean();
            byte[] payload = hex(vector, "payload");
            if (!encrypted) {
                assertThat(vector.get("ephemeral_secret").isNull()).isTrue();
                assertThat(vector.get("nonce").isNull()).isTrue();
                if (!vector.get("plaintext").isNull()) {
                    assertThat(payload).as(name(vector)).isEqualTo(hex(vector, "plaintext"));
                }
                continue;
            }
            List<Value> sealed = unpackWhole(payload).asArrayValue().list();
            assertThat(sealed).hasSize(3);
            assertThat(sealed).extracting(Value::getValueType).as(name(vector)).containsOnly(byteStringType(vector));
            byte[] ciphertext = byteArray(sealed.get(0));
            byte[] nonce = byteArray(sealed.get(1));
            byte[] ephemeralPublic = byteArray(sealed.get(2));
            assertThat(nonce).isEqualTo(hex(vector, "nonce")).hasSize(24);
            assertThat(ephemeralPublic).isEqualTo(X25519.publicFromPrivate(hex(vector, "ephemeral_secret")));
            assertThat(pack(sealed)).isEqualTo(payload);

            byte[] recipientSecret = x25519SecretOfSeed(hex(vector, "recipient_seed"));
            byte[] shared = X25519.computeSharedSecret(recipientSecret, ephemeralPublic);
            byte[] key = Hkdf.computeHkdf("HMACSHA256", shared, new byte[0], E2E_INFO, 32);
            byte[] plaintext = new XChaCha20Poly1305(key).decrypt(concat(nonce, ciphertext), new byte[0]);
            assertThat(plaintext).as(name(vector)).isEqualTo(hex(vector, "plaintext"));
            opened++;
        }
        assertThat(opened).as("encrypted vectors").isGreaterThanOrEqualTo(2);
    }

    @Test
    void acknowledgementsAndReceiptsNameTheRelayedChatAndAreRoutedBackwards() throws IOException {
        Map<String, List<Value>> envelopes = new HashMap<>();
        Map<String, List<Value>> relayedChats = new HashMap<>();
        for (JsonNode vector : vectors) {
            List<Value> envelope = unpackWhole(hex(vector, "envelope")).asArrayValue().list();
            envelopes.put(name(vector), envelope);
            if (vector.get("msg_type").asText().equals("Chat") && !envelope.get(VIA).asArrayValue().list().isEmpty()) {
                relayedChats.put(envelope.get(ID).asStringValue().asString(), envelope);
            }
        }
        assertThat(relayedChats).hasSize(2);

        for (JsonNode vector : vectors) {
            String type = vector.get("msg_type").asText();
            if (!type.equals("Ack") && !type.equals("ReadReceipt") || name(vector).equals("ack-delivery-direct")) {
                // the direct chat's acknowledgement is checked with the backup vectors, whose proof it is
                continue;
            }
            List<Value> envelope = envelopes.get(name(vector));
            List<Value> body = unpackWhole(hex(vector, "payload")).asArrayValue().list();
            assertThat(body).hasSize(2);
            List<Value> chat = relayedChats.get(body.get(0).asStringValue().asString());
            assertThat(chat).as(name(vector) + " names a relayed chat of the vectors").isNotNull();
            List<String> chatVia = strings(chat.get(VIA).asArrayValue());
            assertThat(envelope.get(TO).asStringValue().asString()).isEqualTo(chat.get(FROM).asStringValue().asString());
            assertThat(envelope.get(ENCRYPTED).asBooleanValue().getBoolean()).isFalse();
            if (type.equals("ReadReceipt")) {
                assertThat(body.get(1).asIntegerValue().asLong()).isPositive();
                continue;
            }
            String from = envelope.get(FROM).asStringValue().asString();
            List<String> via = strings(envelope.get(VIA).asArrayValue());
            String ackType = body.get(1).asStringValue().asString();
            if (ackType.equals("RecipientReceived")) {
                assertThat(from).isEqualTo(chat.get(TO).asStringValue().asString());
                assertThat(via).containsExactlyElementsOf(reversed(chatVia));
            } else {
                assertThat(ackType).isEqualTo("RelayForwarded");
                int position = chatVia.indexOf(from);
                assertThat(position).as("a relay ACK comes from a relay of the chat").isNotNegative();
                assertThat(via).containsExactlyElementsOf(reversed(chatVia.subList(0, position)));
            }
        }
    }

    @Test
    void aBackupCopyRebuildsTheSendersSignedChatAndItsProofIsTheRecipientsAcknowledgement() throws IOException {
        Map<String, JsonNode> byName = new HashMap<>();
        vectors.forEach(vector -> byName.put(name(vector), vector));
        List<Value> chat = unpackWhole(hex(byName.get("chat-encrypted"), "envelope")).asArrayValue().list();

        for (String copyVector : List.of("backup-store", "backup-replicate")) {
            List<Value> copy = unpackWhole(hex(byName.get(copyVector), "payload")).asArrayValue().list();
            assertThat(copy).as(copyVector).hasSize(7);
            assertThat(copy.get(0)).isEqualTo(chat.get(ID));
            assertThat(copy.get(1)).isEqualTo(chat.get(FROM));
            assertThat(copy.get(2)).isEqualTo(chat.get(TO));
            assertThat(copy.get(3)).isEqualTo(chat.get(TIMESTAMP));
            // the sealed payload travels as a msgpack value, not as a byte string: it packs to the chat's payload
            try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
                packer.packValue(copy.get(4));
                assertThat(packer.toByteArray()).isEqualTo(byteArray(chat.get(PAYLOAD)));
            }
            assertThat(byteArray(copy.get(5))).isEqualTo(byteArray(chat.get(SIGNATURE)));
            assertThat(strings(copy.get(6).asArrayValue())).hasSize(2);
        }
        List<Value> held = unpackWhole(hex(byName.get("backup-held"), "payload")).asArrayValue().list();
        assertThat(held).containsExactly(chat.get(ID), ValueFactory.newBoolean(true));

        List<Value> proofs = unpackWhole(hex(byName.get("backup-confirm-delivery"), "payload")).asArrayValue().list();
        assertThat(proofs).hasSize(1);
        byte[] proof = byteArray(proofs.get(0));
        assertThat(proof).isEqualTo(hex(byName.get("ack-delivery-direct"), "envelope"));
        List<Value> ack = unpackWhole(proof).asArrayValue().list();
        assertThat(ack.get(FROM)).as("signed by the chat's recipient").isEqualTo(chat.get(TO));
        assertThat(ack.get(TO)).isEqualTo(chat.get(FROM));
        List<Value> body = unpackWhole(byteArray(ack.get(PAYLOAD))).asArrayValue().list();
        assertThat(body).containsExactly(chat.get(ID), ValueFactory.newString("RecipientReceived"));

        Value query = unpackWhole(hex(byName.get("backup-query"), "payload"));
        List<Value> queryEnvelope = unpackWhole(hex(byName.get("backup-query"), "envelope")).asArrayValue().list();
        assertThat(query).as("only the recipient asks for itself").isEqualTo(queryEnvelope.get(FROM));
    }

    private static Value unpackWhole(byte[] bytes) throws IOException {
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            Value value = unpacker.unpackValue();
            assertThat(unpacker.hasNext()).as("no trailing bytes").isFalse();
            return value;
        }
    }

    private static byte[] pack(List<Value> array) throws IOException {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packValue(ValueFactory.newArray(array));
            return packer.toByteArray();
        }
    }

    /** The msgpack type of the vector's byte strings: an array of integers, or bin in the compact profile. */
    private static ValueType byteStringType(JsonNode vector) {
        return vector.get("profile").asText().equals("compact") ? ValueType.BINARY : ValueType.ARRAY;
    }

    /** A byte string: a Gen-2 msgpack array of integers 0..255, or a bin (compact profile). */
    private static byte[] byteArray(Value value) {
        if (value.isBinaryValue()) {
            return value.asBinaryValue().asByteArray();
        }
        ArrayValue array = value.asArrayValue();
        byte[] out = new byte[array.size()];
        Iterator<Value> elements = array.iterator();
        for (int i = 0; i < out.length; i++) {
            int element = elements.next().asIntegerValue().asInt();
            assertThat(element).isBetween(0, 255);
            out[i] = (byte) element;
        }
        return out;
    }

    private static List<String> strings(ArrayValue array) {
        List<String> out = new ArrayList<>();
        array.forEach(value -> out.add(value.asStringValue().asString()));
        return out;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static PublicKey ed25519PublicKey(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI_PREFIX, raw)));
    }

    private static PrivateKey ed25519PrivateKey(byte[] seed) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }

    /** libsodium's crypto_sign_ed25519_sk_to_curve25519: SHA-512(seed)[0..32], clamped. */
    private static byte[] x25519SecretOfSeed(byte[] seed) throws GeneralSecurityException {
        byte[] secret = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(seed), 32);
        secret[0] &= (byte) 248;
        secret[31] &= 127;
        secret[31] |= 64;
        return secret;
    }

    private static byte[] hex(JsonNode vector, String field) {
        return HEX.parseHex(vector.get(field).asText());
    }

    private static String name(JsonNode vector) {
        return vector.get("name").asText();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
