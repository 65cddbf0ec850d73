package org.tomprotocol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.DecodedEnvelope;
import org.tomprotocol.core.wire.EncryptedPayloadCodec;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.SigningBytes;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The browser node's codec and crypto against the Java node's on fresh random envelopes, both ways: Java writes
 * envelopes of every kind in both profiles (sealed and plain, relayed or not, timestamps and ttls at the edges of
 * each integer width) for {@code tools/cross-check.js} to decode, verify, re-encode and open; the script writes its
 * own for this test to check the same way with the Java codec and suite.
 */
class BrowserCodecCrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final long[] TIMESTAMPS = {0, 127, 128, 65_536, 4_294_967_296L, 1_767_225_600_000L, Long.MAX_VALUE};
    private static final int[] TTLS = {0, 4, 127, 128, Integer.MAX_VALUE};
    private static final List<MessageType> COMPACT_TYPES = List.of(MessageType.Chat, MessageType.Ack,
            MessageType.ReadReceipt);

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void nodeIsThere() throws Exception {
        NodeJs.requireRecentNode();
    }

    @Test
    void javaAndTheBrowserNodeReadEachOthersEnvelopesByteForByte(@TempDir Path directory) throws Exception {
        Path fromJava = directory.resolve("from-java.json");
        Path fromBrowser = directory.resolve("from-browser.json");
        Files.writeString(fromJava, json.writeValueAsString(javaEnvelopes(300, new SplittableRandom(7))));

        NodeJs.Run run = NodeJs.run(List.of("tools/cross-check.js", fromJava.toString(), fromBrowser.toString(), "300"),
                300);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("checked 300 Java envelopes");
        JsonNode theirs = json.readTree(fromBrowser.toFile());
        assertThat(theirs.size()).isEqualTo(300);
        int compact = 0;
        for (JsonNode item : theirs) {
            compact += checkWithJava(item) == WireProfile.COMPACT ? 1 : 0;
        }
        assertThat(compact).as("both profiles came back").isBetween(1, 299);
    }

    private static WireProfile checkWithJava(JsonNode item) throws Exception {
        byte[] wire = HEX.parseHex(item.get("wire").asText());
        DecodedEnvelope decoded = EnvelopeCodec.decode(wire);
        Envelope envelope = decoded.envelope();
        String what = item.get("profile").asText() + " " + item.get("msg_type").asText();
        assertThat(decoded.profile().token()).as(what).isEqualTo(item.get("profile").asText());
        assertThat(envelope.id().value()).isEqualTo(item.get("id").asText());
        assertThat(envelope.from().toHex()).isEqualTo(item.get("from").asText());
        assertThat(envelope.to().toHex()).isEqualTo(item.get("to").asText());
        assertThat(envelope.via()).extracting(NodeId::toHex).containsExactlyElementsOf(
                item.get("via").valueStream().map(JsonNode::asText).toList());
        assertThat(envelope.type().name()).isEqualTo(item.get("msg_type").asText());
        assertThat(envelope.timestamp()).isEqualTo(Long.parseLong(item.get("timestamp").asText()));
        assertThat(envelope.ttl()).isEqualTo(item.get("ttl").asInt());
        assertThat(envelope.encrypted()).isEqualTo(item.get("encrypted").asBoolean());
        assertThat(SUITE.verify(envelope.from(), decoded.signingBytes().bytes(), envelope.signature())).as(what)
                .isTrue();
        assertThat(EnvelopeCodec.encode(envelope, decoded.signingBytes())).isEqualTo(wire);
        byte[] plaintext = HEX.parseHex(item.get("plaintext").asText());
        if (envelope.encrypted()) {
            LocalIdentity recipient = SUITE.identityFromSeed(HEX.parseHex(item.get("recipient_seed").asText()));
            assertThat(SUITE.open(recipient, EncryptedPayloadCodec.decode(envelope.payload(), decoded.profile())))
                    .as(what).isEqualTo(plaintext);
        } else {
            assertThat(envelope.payload()).isEqualTo(plaintext);
        }
        return decoded.profile();
    }

    private static List<Map<String, Object>> javaEnvelopes(int count, SplittableRandom random) throws Exception {
        List<Map<String, Object>> envelopes = new ArrayList<>();
        MessageType[] all = MessageType.values();
        for (int i = 0; i < count; i++) {
            LocalIdentity sender = SUITE.identityFromSeed(bytes(random, 32));
            byte[] recipientSeed = bytes(random, 32);
            NodeId recipient = SUITE.identityFromSeed(recipientSeed).id();
            WireProfile profile = i % 2 == 0 ? WireProfile.COMPACT : WireProfile.REFERENCE;
            MessageType type = profile == WireProfile.COMPACT ? COMPACT_TYPES.get(random.nextInt(COMPACT_TYPES.size()))
                    : all[random.nextInt(all.length)];
            boolean encrypted = type == MessageType.Chat && i % 3 != 0;
            byte[] plaintext = bytes(random, random.nextInt(i % 10 == 0 ? 70_000 : 600));
            byte[] payload = encrypted ? EncryptedPayloadCodec.encode(SUITE.seal(recipient, plaintext), profile)
                    : plaintext;
            List<NodeId> via = new ArrayList<>();
            for (int r = 0; r < i % 5; r++) {
                via.add(SUITE.identityFromSeed(bytes(random, 32)).id());
            }
            Envelope unsigned = new Envelope(new MessageId(UUID.randomUUID().toString()), sender.id(), recipient, via,
                    type, payload, TIMESTAMPS[i % TIMESTAMPS.length], new byte[0], TTLS[i % TTLS.length], encrypted);
            SigningBytes signing = EnvelopeCodec.signingBytes(unsigned, profile);
            Envelope envelope = unsigned.withSignature(sender.sign(signing.bytes()));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("wire", HEX.formatHex(EnvelopeCodec.encode(envelope, signing)));
            item.put("profile", profile.token());
            item.put("id", envelope.id().value());
            item.put("from", envelope.from().toHex());
            item.put("to", envelope.to().toHex());
            item.put("via", via.stream().map(NodeId::toHex).toList());
            item.put("msg_type", type.name());
            item.put("timestamp", String.valueOf(envelope.timestamp()));
            item.put("ttl", envelope.ttl());
            item.put("encrypted", encrypted);
            item.put("recipient_seed", HEX.formatHex(recipientSeed));
            item.put("plaintext", HEX.formatHex(plaintext));
            envelopes.add(item);
        }
        return envelopes;
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
