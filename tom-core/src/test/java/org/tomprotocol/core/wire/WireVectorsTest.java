package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.crypto.TomV1Suite;

/**
 * Keeps {@code docs/wire-vectors.json} in step with the code: the generator runs in memory and the file must
 * match it exactly (rewrite it with {@code -Dtom.updateVectors=true}). Each vector also goes through our own
 * inbound pipeline; {@link WireVectorsIndependentCheckTest} checks the file by other means.
 */
class WireVectorsTest {
    private static final TomV1Suite SUITE = new TomV1Suite();

    @Test
    void theFileIsExactlyWhatTheGeneratorProduces() throws IOException {
        String generated = WireVectors.toJson(WireVectors.generate());
        if (Boolean.getBoolean(WireVectors.UPDATE_PROPERTY)) {
            WireVectors.write(generated);
        }
        assertThat(WireVectors.file()).as("run WireVectorsTest with -D%s=true to create it", WireVectors.UPDATE_PROPERTY)
                .exists();
        String onDisk = Files.readString(WireVectors.file(), StandardCharsets.UTF_8);
        assertThat(onDisk).as("docs/wire-vectors.json differs from the generator: if the change is deliberate, "
                + "rewrite it with -D%s=true and explain the wire change in docs/wire-spec.md",
                WireVectors.UPDATE_PROPERTY).isEqualTo(generated);
    }

    @Test
    void theGeneratorIsDeterministic() {
        assertThat(WireVectors.toJson(WireVectors.generate())).isEqualTo(WireVectors.toJson(WireVectors.generate()));
    }

    @Test
    void theRequiredCasesAreCovered() {
        List<WireVectors.Vector> vectors = WireVectors.generate();
        assertThat(vectors).extracting(WireVectors.Vector::name).doesNotHaveDuplicates().contains("chat-plain",
                "chat-encrypted", "chat-encrypted-relayed", "ack-delivery", "ack-relay-first-hop", "read-receipt");
        assertThat(vectors).filteredOn(v -> v.name().equals("chat-encrypted-relayed")).singleElement()
                .satisfies(v -> assertThat(v.envelopeValue().via()).hasSize(2));
        assertThat(vectors).filteredOn(v -> v.profile() == WireProfile.COMPACT).extracting(WireVectors.Vector::name)
                .contains("chat-plain-compact", "chat-encrypted-compact", "chat-encrypted-relayed-compact",
                        "ack-delivery-compact");
    }

    @Test
    void everyVectorDecodesInTheProfileItWasWrittenIn() throws WireException {
        for (WireVectors.Vector vector : WireVectors.generate()) {
            assertThat(EnvelopeCodec.decode(vector.envelope()).profile()).as(vector.name()).isEqualTo(vector.profile());
        }
    }

    @Test
    void theCompactProfileShrinksASealedChatAndSignsDifferentBytes() {
        List<WireVectors.Vector> vectors = WireVectors.generate();
        WireVectors.Vector reference = byName(vectors, "chat-encrypted-relayed");
        WireVectors.Vector compact = byName(vectors, "chat-encrypted-relayed-compact");
        // ciphertext is ~half bytes >= 128: 1.5 bytes each, nested twice in the reference profile
        assertThat(compact.envelope().length).isLessThan(reference.envelope().length);
        assertThat(compact.envelope()[0]).isEqualTo(reference.envelope()[0]);
    }

    @Test
    void everyVectorPassesOurInboundPipelineAtItsRecipient() throws Exception {
        for (WireVectors.Vector vector : WireVectors.generate()) {
            InboundVerifier recipient = TestVerifiers.of(SUITE, vector.recipient().identity);
            InboundVerifier.Result result = recipient.verify(vector.envelopeValue().firstHop(), vector.envelope(),
                    WireVectors.BASE_TIME);
            assertThat(result.rejectReason()).as(vector.name()).isNull();
            Envelope envelope = result.verified().envelope();
            assertThat(envelope.from()).isEqualTo(vector.sender().id());
            assertThat(envelope.to()).isEqualTo(vector.recipient().id());
            assertThat(envelope.ttl()).isEqualTo(vector.ttl());
            assertThat(envelope.payload()).isEqualTo(vector.payload());
            assertThat(result.verified().decoded().signingBytes().bytes()).isEqualTo(vector.signingBytes());
            if (vector.plaintext() != null && envelope.type() == MessageType.Chat) {
                assertThat(result.verified().plaintext()).as(vector.name()).isEqualTo(vector.plaintext());
            }
            if (envelope.type() == MessageType.Signal) {
                assertThat(result.verified().signal().encode()).as(vector.name()).isEqualTo(vector.plaintext());
            }
            if (envelope.type() == MessageType.Ack) {
                String chat = switch (vector.name()) {
                    case "ack-delivery-direct" -> "chat-encrypted";
                    case "ack-delivery-compact" -> "chat-encrypted-relayed-compact";
                    default -> "chat-encrypted-relayed";
                };
                assertThat(AckPayload.decode(vector.payload()).originalMessageId())
                        .isEqualTo(WireVectors.messageId(chat));
            }
            if (vector.name().startsWith("backup-")) {
                assertThat(result.verified().backup()).as(vector.name()).isNotNull();
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"chat-encrypted-relayed", "chat-encrypted-relayed-compact"})
    void forwardingChangesOnlyTheTtlNeverTheSignedBytes(String chat) {
        List<WireVectors.Vector> vectors = WireVectors.generate();
        WireVectors.Vector sent = byName(vectors, chat);
        WireVectors.Vector forwarded = byName(vectors, chat + "-as-forwarded-by-carol");
        assertThat(forwarded.signingBytes()).isEqualTo(sent.signingBytes());
        assertThat(forwarded.signature()).isEqualTo(sent.signature());
        assertThat(forwarded.ttl()).isEqualTo(sent.ttl() - 1);
        int differing = 0;
        for (int i = 0; i < sent.envelope().length; i++) {
            differing += sent.envelope()[i] != forwarded.envelope()[i] ? 1 : 0;
        }
        assertThat(forwarded.envelope()).hasSameSizeAs(sent.envelope());
        assertThat(differing).as("only the ttl byte differs").isEqualTo(1);
    }

    private static WireVectors.Vector byName(List<WireVectors.Vector> vectors, String name) {
        return vectors.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }
}
