package org.tomprotocol.core.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Generates {@code docs/wire-vectors.json}: known-answer envelopes built with the real codec and crypto suite
 * from fixed seeds and fixed "randomness" (every secret, nonce and id is SHA-256 of a readable label), so the
 * file is reproducible byte for byte. {@link WireVectorsTest} regenerates it on every build and fails on any
 * difference; run that test with {@code -Dtom.updateVectors=true} to rewrite the file after a deliberate
 * change.
 */
final class WireVectors {
    /** Property that makes {@link WireVectorsTest} rewrite the file instead of comparing. */
    static final String UPDATE_PROPERTY = "tom.updateVectors";
    /** 2026-01-01T00:00:00Z: the clock of every vector, plus a few milliseconds per step. */
    static final long BASE_TIME = 1_767_225_600_000L;

    private static final HexFormat HEX = HexFormat.of();
    private static final TomV1Suite SUITE = new TomV1Suite();

    /** The four parties: a sender, a recipient, and two relays. */
    static final Party ALICE = new Party("alice");
    static final Party BOB = new Party("bob");
    static final Party CAROL = new Party("carol");
    static final Party DAVE = new Party("dave");

    private WireVectors() {
    }

    /** A party of the vectors, whose Ed25519 seed is SHA-256("tom-wire-vectors/seed/" + name). */
    static final class Party {
        final String name;
        final byte[] seed;
        final LocalIdentity identity;

        Party(String name) {
            this.name = name;
            this.seed = label("seed/" + name);
            this.identity = SUITE.identityFromSeed(seed);
        }

        NodeId id() {
            return identity.id();
        }
    }

    /**
     * One vector, with the fields of the JSON file.
     *
     * @param plaintext       the application payload before encryption; null for acknowledgements and receipts
     * @param ephemeralSecret the X25519 scalar used to seal; null when not encrypted
     * @param nonce           the XChaCha20-Poly1305 nonce; null when not encrypted
     * @param payload         the bytes in the envelope's payload field (the value of its integer array, or of its
     *                        bin in the compact profile)
     * @param profile         the wire profile the envelope is written in
     */
    record Vector(String name, Party sender, Party recipient, Envelope envelopeValue, byte[] envelope,
                  byte[] signingBytes, byte[] signature, byte[] plaintext, byte[] ephemeralSecret, byte[] nonce,
                  byte[] payload, WireProfile profile) {
        String msgType() {
            return envelopeValue.type().name();
        }

        int ttl() {
            return envelopeValue.ttl();
        }
    }

    /** SHA-256 of {@code "tom-wire-vectors/" + label}: the fixed randomness of the vectors. */
    static byte[] label(String label) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("tom-wire-vectors/" + label).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A UUID v4 string made from the label's hash, with the version and variant bits set. */
    static MessageId messageId(String label) {
        byte[] bytes = Arrays.copyOf(label("id/" + label), 16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        String hex = HEX.formatHex(bytes);
        return new MessageId(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    /** Every vector, in file order. */
    static List<Vector> generate() {
        try {
            List<Vector> vectors = new ArrayList<>();
            vectors.add(plainChat("chat-plain", ALICE, BOB, List.of(), "Hello, Bob! This is ToM.", 0));
            vectors.add(sealedChat("chat-encrypted", ALICE, BOB, List.of(), "Hello, Bob! Only you can read this.",
                    1, WireProfile.REFERENCE));
            Vector relayed = sealedChat("chat-encrypted-relayed", ALICE, BOB, List.of(CAROL, DAVE),
                    "Hello, Bob! Carol and Dave carried this without reading it.", 2, WireProfile.REFERENCE);
            vectors.add(relayed);
            vectors.add(forwarded("chat-encrypted-relayed-as-forwarded-by-carol", relayed));
            MessageId original = relayed.envelopeValue().id();
            vectors.add(signed("ack-relay-first-hop", CAROL, ALICE, List.of(), MessageType.Ack,
                    new AckPayload(original, AckType.RelayForwarded).encode(), null, 3));
            vectors.add(signed("ack-relay-second-hop", DAVE, ALICE, List.of(CAROL), MessageType.Ack,
                    new AckPayload(original, AckType.RelayForwarded).encode(), null, 4));
            vectors.add(signed("ack-delivery", BOB, ALICE, List.of(DAVE, CAROL), MessageType.Ack,
                    new AckPayload(original, AckType.RecipientReceived).encode(), null, 5));
            vectors.add(signed("read-receipt", BOB, ALICE, List.of(), MessageType.ReadReceipt,
                    new ReadReceiptPayload(original, BASE_TIME + 60_000).encode(), null, 6));
            vectors.add(signed("heartbeat", ALICE, BOB, List.of(), MessageType.Heartbeat, new byte[0], null, 7));
            vectors.addAll(backup(vectors.get(1)));
            vectors.addAll(compact());
            vectors.add(sealed("signal-offer-relayed", ALICE, BOB, List.of(CAROL), MessageType.Signal,
                    signal("a1b2c3d4", "offer", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n"), 18,
                    WireProfile.REFERENCE));
            vectors.addAll(group());
            // lock 5 (§15): bob, over whose budget alice went, tells her the price back through carol; the payload
            // [stamp_bits, delay_ms, valid_ms] written with msgpack-core, apart from the codec
            vectors.add(signed("price-told", BOB, ALICE, List.of(CAROL), MessageType.Price,
                    pack(packer -> packer.packArrayHeader(3).packInt(12).packInt(300).packInt(60_000)), null, 22));
            return vectors;
        } catch (CryptoException e) {
            throw new IllegalStateException("the fixed vector keys are valid", e);
        }
    }

    /**
     * The virus backup around the direct encrypted chat: alice places a copy on carol, carol confirms it, bob's
     * acknowledgement of the chat is the proof carol purges on, and bob asks what waits for him.
     */
    private static List<Vector> backup(Vector chat) {
        MessageId id = chat.envelopeValue().id();
        BackupCopy copy = BackupCopy.of(chat.envelopeValue(), ids(List.of(CAROL, DAVE)));
        Vector acknowledgement = signed("ack-delivery-direct", BOB, ALICE, List.of(), MessageType.Ack,
                new AckPayload(id, AckType.RecipientReceived).encode(), null, 11);
        return List.of(
                signed("backup-store", ALICE, CAROL, List.of(), MessageType.BackupStore, copy.encode(), null, 8),
                signed("backup-held", CAROL, ALICE, List.of(), MessageType.BackupReplicateAck,
                        new BackupHeld(id, true).encode(), null, 9),
                signed("backup-replicate", CAROL, DAVE, List.of(), MessageType.BackupReplicate, copy.encode(), null,
                        10),
                acknowledgement,
                signed("backup-confirm-delivery", BOB, CAROL, List.of(), MessageType.BackupConfirmDelivery,
                        new DeliveryProofs(List.of(acknowledgement.envelope())).encode(), null, 12),
                signed("backup-query", BOB, CAROL, List.of(), MessageType.BackupQuery, new BackupQuery(BOB.id()).encode(),
                        null, 13));
    }

    /**
     * The message path in the compact profile: a plain and a sealed direct chat, a sealed chat relayed by carol and
     * dave, and bob's acknowledgement of it, written back along the reversed path in the chat's profile.
     */
    private static List<Vector> compact() throws CryptoException {
        WireProfile compact = WireProfile.COMPACT;
        byte[] text = "Hello, Bob! Byte strings are bin here.".getBytes(StandardCharsets.UTF_8);
        Vector relayed = sealedChat("chat-encrypted-relayed-compact", ALICE, BOB, List.of(CAROL, DAVE),
                "Hello, Bob! Carol and Dave carried this compact envelope.", 16, compact);
        return List.of(
                signed("chat-plain-compact", ALICE, BOB, List.of(), MessageType.Chat, text, text, 14, compact),
                sealedChat("chat-encrypted-compact", ALICE, BOB, List.of(), "Hello, Bob! Only you can read this bin.",
                        15, compact),
                relayed,
                forwarded("chat-encrypted-relayed-compact-as-forwarded-by-carol", relayed),
                signed("ack-delivery-compact", BOB, ALICE, List.of(DAVE, CAROL), MessageType.Ack,
                        new AckPayload(relayed.envelopeValue().id(), AckType.RecipientReceived).encode(), null, 17,
                        compact));
    }

    private static Vector plainChat(String name, Party from, Party to, List<Party> via, String text, int step) {
        byte[] plaintext = text.getBytes(StandardCharsets.UTF_8);
        return signed(name, from, to, via, MessageType.Chat, plaintext, plaintext, step);
    }

    private static Vector sealedChat(String name, Party from, Party to, List<Party> via, String text, int step,
                                     WireProfile profile) throws CryptoException {
        return sealed(name, from, to, via, MessageType.Chat, text.getBytes(StandardCharsets.UTF_8), step, profile);
    }

    /** The group of the vectors (§14): a fixed id. */
    static final String GROUP = "grp-00000000-0000-4000-8000-000000000001";

    /**
     * Groups (§14.2): bob submits a post to alice, his group's hub, and alice's stream hands it on to carol, placed
     * at sequence 7; bob's copy of the same post straight to carol has the submission's form. Written here with msgpack-core, apart from the codec under test, byte arrays as integer arrays
     * (the reference profile); the post's inner signature is bob's over {@code "tom-group-post-v1" ‖ 0x00 ‖ form}.
     */
    private static List<Vector> group() throws CryptoException {
        byte[] post = groupPost();
        byte[] signedPost = pack(packer -> {
            packer.packArrayHeader(2);
            packer.addPayload(post);
            packBytes(packer, BOB.identity.sign(concat("tom-group-post-v1".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {0}, post)));
        });
        byte[] submit = pack(packer -> {
            packer.packArrayHeader(2).packString(GROUP);
            packer.addPayload(signedPost);
        });
        byte[] stream = pack(packer -> {
            packer.packArrayHeader(5).packString(GROUP).packLong(1).packLong(1).packLong(7).packArrayHeader(1);
            packer.packArrayHeader(3).packLong(7).packLong(BASE_TIME + 20);
            packer.addPayload(signedPost);
        });
        return List.of(
                sealed("group-post-submitted", BOB, ALICE, List.of(), MessageType.GroupMessage, submit, 19,
                        WireProfile.REFERENCE),
                sealed("group-stream-ordered", ALICE, CAROL, List.of(), MessageType.GroupSyncResponse, stream, 20,
                        WireProfile.REFERENCE),
                sealed("group-post-copied", BOB, CAROL, List.of(), MessageType.GroupPostCopy, submit, 21,
                        WireProfile.REFERENCE));
    }

    /** Bob's post: {@code ["post", group, sender, id, at, key_epoch, index, nonce, ciphertext]}. */
    private static byte[] groupPost() {
        return pack(packer -> {
            packer.packArrayHeader(9).packString("post").packString(GROUP).packString(BOB.id().toHex())
                    .packString("00000000-0000-4000-8000-0000000000a1").packLong(BASE_TIME + 19).packLong(1)
                    .packLong(0);
            packBytes(packer, Arrays.copyOf(label("group/nonce"), 24));
            packBytes(packer, label("group/ciphertext"));
        });
    }

    private interface Packing {
        void pack(org.msgpack.core.MessageBufferPacker packer) throws java.io.IOException;
    }

    private static byte[] pack(Packing packing) {
        try (org.msgpack.core.MessageBufferPacker packer = org.msgpack.core.MessagePack.newDefaultBufferPacker()) {
            packing.pack(packer);
            return packer.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A byte string as the reference profile writes it: an array of unsigned integers. */
    private static void packBytes(org.msgpack.core.MessageBufferPacker packer, byte[] bytes)
            throws java.io.IOException {
        packer.packArrayHeader(bytes.length);
        for (byte value : bytes) {
            packer.packInt(value & 0xff);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The sealed plaintext of a Signal envelope (§5.1): {@code [session, kind, body]}, three strings. */
    private static byte[] signal(String session, String kind, String body) {
        try (org.msgpack.core.MessageBufferPacker packer = org.msgpack.core.MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(3).packString(session).packString(kind).packString(body);
            return packer.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Vector sealed(String name, Party from, Party to, List<Party> via, MessageType type,
                                 byte[] plaintext, int step, WireProfile profile) throws CryptoException {
        byte[] ephemeralSecret = label("ephemeral/" + name);
        byte[] nonce = Arrays.copyOf(label("nonce/" + name), EncryptedPayloadCodec.NONCE_LENGTH);
        SealedPayload sealed = SUITE.sealDeterministic(to.id(), plaintext, ephemeralSecret, nonce);
        byte[] payload = EncryptedPayloadCodec.encode(sealed, profile);
        Envelope unsigned = Envelope.unsigned(messageId(name), from.id(), to.id(), ids(via), type,
                payload, BASE_TIME + step, true);
        return sign(name, from, to, unsigned, plaintext, ephemeralSecret, nonce, profile);
    }

    private static Vector signed(String name, Party from, Party to, List<Party> via, MessageType type,
                                 byte[] payload, byte[] plaintext, int step) {
        return signed(name, from, to, via, type, payload, plaintext, step, WireProfile.REFERENCE);
    }

    private static Vector signed(String name, Party from, Party to, List<Party> via, MessageType type,
                                 byte[] payload, byte[] plaintext, int step, WireProfile profile) {
        Envelope unsigned = Envelope.unsigned(messageId(name), from.id(), to.id(), ids(via), type, payload,
                BASE_TIME + step, false);
        return sign(name, from, to, unsigned, plaintext, null, null, profile);
    }

    private static Vector sign(String name, Party from, Party to, Envelope unsigned, byte[] plaintext,
                               byte[] ephemeralSecret, byte[] nonce, WireProfile profile) {
        SigningBytes signing = EnvelopeCodec.signingBytes(unsigned, profile);
        Envelope envelope = unsigned.withSignature(from.identity.sign(signing.bytes()));
        return new Vector(name, from, to, envelope, EnvelopeCodec.encode(envelope, signing), signing.bytes(),
                envelope.signature(), plaintext, ephemeralSecret, nonce, envelope.payload(), profile);
    }

    /** {@code original} as its first relay passes it on: ttl one less, same signature. */
    private static Vector forwarded(String name, Vector original) {
        Envelope envelope = original.envelopeValue().withTtl(original.ttl() - 1);
        byte[] wire = EnvelopeCodec.encode(envelope, EnvelopeCodec.signingBytes(envelope, original.profile()));
        return new Vector(name, original.sender(), original.recipient(), envelope, wire, original.signingBytes(),
                original.signature(), original.plaintext(), original.ephemeralSecret(), original.nonce(),
                original.payload(), original.profile());
    }

    private static List<NodeId> ids(List<Party> parties) {
        return parties.stream().map(Party::id).toList();
    }

    /** The JSON file: a short description, then the vectors with exactly the documented fields. */
    static String toJson(List<Vector> vectors) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "ToM wire vectors, suite tom-v1 (Gen-2 compatible envelope); see docs/wire-spec.md");
        root.put("generator", "tom-core test WireVectors; rewrite with: ./mvnw -B -o -q -pl tom-core verify "
                + "-Dtest=WireVectorsTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true");
        root.put("fixed_randomness", "seed = SHA-256(\"tom-wire-vectors/seed/\" + party); ephemeral_secret = "
                + "SHA-256(\"tom-wire-vectors/ephemeral/\" + name); nonce = first 24 bytes of "
                + "SHA-256(\"tom-wire-vectors/nonce/\" + name); id = UUID v4 bits set on the first 16 bytes of "
                + "SHA-256(\"tom-wire-vectors/id/\" + name); timestamp = 1767225600000 + step");
        root.put("fields", "All byte fields are lowercase hex; null where not applicable. payload is the value of "
                + "the envelope's payload field (the bytes its integer array holds, or its bin in the compact "
                + "profile), plaintext the application payload before encryption (null for acknowledgements, "
                + "receipts and heartbeats). profile is the wire profile the envelope is written in: reference "
                + "(Gen-2, byte strings as integer arrays) or compact (byte strings as bin); see wire-spec §13.");
        Map<String, String> parties = new LinkedHashMap<>();
        for (Party party : List.of(ALICE, BOB, CAROL, DAVE)) {
            parties.put(party.name, party.id().toHex());
        }
        root.put("parties", parties);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Vector vector : vectors) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("name", vector.name());
            object.put("sender_seed", hex(vector.sender().seed));
            object.put("recipient_seed", hex(vector.recipient().seed));
            object.put("envelope", hex(vector.envelope()));
            object.put("signing_bytes", hex(vector.signingBytes()));
            object.put("signature", hex(vector.signature()));
            object.put("plaintext", hex(vector.plaintext()));
            object.put("ephemeral_secret", hex(vector.ephemeralSecret()));
            object.put("nonce", hex(vector.nonce()));
            object.put("payload", hex(vector.payload()));
            object.put("msg_type", vector.msgType());
            object.put("ttl", vector.ttl());
            object.put("profile", vector.profile().token());
            list.add(object);
        }
        root.put("vectors", list);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    /** Where the file lives: docs/ at the root of the reactor (tests run in the module directory). */
    static Path file() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return moduleDir.resolveSibling("docs").resolve("wire-vectors.json").toAbsolutePath().normalize();
    }

    static void write(String json) {
        try {
            java.nio.file.Files.createDirectories(file().getParent());
            java.nio.file.Files.writeString(file(), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
