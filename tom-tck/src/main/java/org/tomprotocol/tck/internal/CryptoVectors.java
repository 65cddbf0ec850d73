package org.tomprotocol.tck.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.Value;
import org.tomprotocol.api.NodeId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a crypto suite must reproduce from the wire vectors ({@code docs/wire-vectors.json}, shipped inside the
 * TCK): each envelope's sender id and signature, derived from the sender's seed, and each encrypted payload's
 * plaintext, opened with the recipient's seed. The envelope and the payload are read with msgpack's generic value
 * API, not with the engine's codec.
 */
public final class CryptoVectors {
    private static final HexFormat HEX = HexFormat.of();
    private static final int FROM = 1;
    private static final int TO = 2;
    private static final int ENCRYPTED = 9;

    /** An envelope's signature by its sender. */
    public record Signature(String name, byte[] senderSeed, NodeId sender, byte[] signingBytes, byte[] signature) {
    }

    /** A payload sealed to an envelope's recipient. */
    public record Sealed(String name, byte[] recipientSeed, NodeId recipient, byte[] ciphertext, byte[] nonce,
                         byte[] ephemeralPublicKey, byte[] plaintext) {
    }

    private final List<Signature> signatures;
    private final List<Sealed> sealed;

    private CryptoVectors(List<Signature> signatures, List<Sealed> sealed) {
        this.signatures = List.copyOf(signatures);
        this.sealed = List.copyOf(sealed);
    }

    /** The vectors of suite {@code tom-v1}. */
    public static InputStream tomV1() {
        InputStream json = CryptoVectors.class.getResourceAsStream("wire-vectors.json");
        if (json == null) {
            throw new IllegalStateException("wire-vectors.json is missing from the TCK jar");
        }
        return json;
    }

    /** Reads vectors in the format of {@code docs/wire-vectors.json}. */
    public static CryptoVectors read(InputStream json) {
        try (json) {
            JsonNode root = new ObjectMapper().readTree(json);
            List<Signature> signatures = new ArrayList<>();
            List<Sealed> sealed = new ArrayList<>();
            for (JsonNode vector : root.get("vectors")) {
                String name = vector.get("name").asText();
                List<Value> envelope = unpack(hex(vector, "envelope")).asArrayValue().list();
                signatures.add(new Signature(name, hex(vector, "sender_seed"),
                        NodeId.parse(envelope.get(FROM).asStringValue().asString()), hex(vector, "signing_bytes"),
                        hex(vector, "signature")));
                if (envelope.get(ENCRYPTED).asBooleanValue().getBoolean()) {
                    List<Value> payload = unpack(hex(vector, "payload")).asArrayValue().list();
                    sealed.add(new Sealed(name, hex(vector, "recipient_seed"),
                            NodeId.parse(envelope.get(TO).asStringValue().asString()), byteArray(payload.get(0)),
                            byteArray(payload.get(1)), byteArray(payload.get(2)), hex(vector, "plaintext")));
                }
            }
            return new CryptoVectors(signatures, sealed);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable wire vectors", e);
        }
    }

    /** Every envelope's signature. */
    public List<Signature> signatures() {
        return signatures;
    }

    /** Every encrypted payload. */
    public List<Sealed> sealed() {
        return sealed;
    }

    private static Value unpack(byte[] bytes) throws IOException {
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            return unpacker.unpackValue();
        }
    }

    /** A byte array in Gen-2's form (a msgpack array of integers 0..255) or in the compact profile's ({@code bin}). */
    private static byte[] byteArray(Value value) {
        if (value.isBinaryValue()) {
            return value.asBinaryValue().asByteArray();
        }
        ArrayValue array = value.asArrayValue();
        byte[] bytes = new byte[array.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) array.get(i).asIntegerValue().asInt();
        }
        return bytes;
    }

    private static byte[] hex(JsonNode vector, String field) {
        return HEX.parseHex(vector.get(field).asText());
    }
}
