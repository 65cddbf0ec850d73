package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.core.engine.VerifiedEnvelope;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.SealedPayload;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Any single-bit flip in a signed envelope is caught by the pipeline every node runs on an inbound frame
 * ({@link InboundVerifier}: decode, strict Ed25519 verification by {@code from}, then, at the recipient,
 * opening the sealed payload and parsing receipts), never silently accepted.
 *
 * <p>The one exception is by design, as in Gen-2: {@code ttl} is not signed, because every relay decrements
 * it. A flip inside the ttl byte that still leaves a valid integer is accepted with a different ttl and
 * nothing else changed; the property checks exactly that. (Flipping the top bit of the ephemeral key would
 * still decrypt, since X25519 ignores that bit, but those bytes are signed, so the flip fails verification:
 * see {@link #theEphemeralKeysTopBitIsIgnoredByX25519ButCaughtByTheSignature}.)
 */
class BitFlipPropertiesTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final List<WireVectors.Party> PARTIES = List.of(WireVectors.ALICE, WireVectors.BOB,
            WireVectors.CAROL, WireVectors.DAVE);

    private enum Kind { PLAIN_CHAT, SEALED_CHAT, RELAY_ACK, DELIVERY_ACK, READ_RECEIPT, HEARTBEAT }

    @Property(tries = 400)
    void anySingleBitFlipIsDetected(@ForAll Kind kind, @ForAll @Size(max = 600) byte[] plaintext,
                                    @ForAll @IntRange(min = 0, max = 2) int relays,
                                    @ForAll @IntRange(min = 0) int position) throws CryptoException {
        WireVectors.Party sender = WireVectors.ALICE;
        WireVectors.Party recipient = WireVectors.BOB;
        List<NodeId> via = PARTIES.subList(2, 2 + relays).stream().map(WireVectors.Party::id).toList();
        byte[] payload = switch (kind) {
            case PLAIN_CHAT -> plaintext;
            case SEALED_CHAT -> EncryptedPayloadCodec.encode(SUITE.seal(recipient.id(), plaintext));
            case RELAY_ACK -> new AckPayload(MessageId.random(), AckType.RelayForwarded).encode();
            case DELIVERY_ACK -> new AckPayload(MessageId.random(), AckType.RecipientReceived).encode();
            case READ_RECEIPT -> new ReadReceiptPayload(MessageId.random(), WireVectors.BASE_TIME).encode();
            case HEARTBEAT -> new byte[0];
        };
        MessageType type = switch (kind) {
            case PLAIN_CHAT, SEALED_CHAT -> MessageType.Chat;
            case RELAY_ACK, DELIVERY_ACK -> MessageType.Ack;
            case READ_RECEIPT -> MessageType.ReadReceipt;
            case HEARTBEAT -> MessageType.Heartbeat;
        };
        Envelope unsigned = Envelope.unsigned(MessageId.random(), sender.id(), recipient.id(), via, type, payload,
                WireVectors.BASE_TIME, kind == Kind.SEALED_CHAT);
        SigningBytes signing = EnvelopeCodec.signingBytes(unsigned);
        byte[] wire = EnvelopeCodec.encode(unsigned.withSignature(sender.identity.sign(signing.bytes())), signing);

        InboundVerifier verifier = TestVerifiers.of(SUITE, recipient.identity);
        InboundVerifier.Result original = verifier.verify(recipient.id(), wire, WireVectors.BASE_TIME);
        String outcome = flipAndCheck(verifier, wire, original, position % (wire.length * 8));
        assertThat(outcome).isNotNull();
    }

    @Example
    void everyBitOfThePublishedVectorsOfEachKindIsProtected() {
        List<String> names = List.of("chat-plain", "chat-encrypted-relayed", "ack-delivery", "read-receipt");
        Map<String, Integer> outcomes = new TreeMap<>();
        for (WireVectors.Vector vector : WireVectors.generate()) {
            if (!names.contains(vector.name())) {
                continue;
            }
            InboundVerifier verifier = TestVerifiers.of(SUITE, vector.recipient().identity);
            InboundVerifier.Result original = verifier.verify(vector.recipient().id(), vector.envelope(), WireVectors.BASE_TIME);
            for (int bit = 0; bit < vector.envelope().length * 8; bit++) {
                outcomes.merge(flipAndCheck(verifier, vector.envelope(), original, bit), 1, Integer::sum);
            }
        }
        // Most flips land in signed bytes; some break the msgpack structure; a few change only the ttl.
        assertThat(outcomes).containsKeys("bad-signature", "ttl-only");
        assertThat(outcomes.keySet()).anyMatch(reason -> !reason.equals("bad-signature") && !reason.equals("ttl-only"));
        // ttl 4 is a positive fixint: 7 of its 8 flips give another valid ttl, the top bit makes it a fixmap
        assertThat(outcomes.get("ttl-only")).isEqualTo(7 * names.size());
    }

    @Example
    void theEphemeralKeysTopBitIsIgnoredByX25519ButCaughtByTheSignature() throws Exception {
        WireVectors.Vector vector = WireVectors.generate().stream()
                .filter(v -> v.name().equals("chat-encrypted")).findFirst().orElseThrow();
        SealedPayload sealed = EncryptedPayloadCodec.decode(vector.payload());
        byte[] ephemeral = sealed.ephemeralPublicKey().clone();
        ephemeral[31] ^= (byte) 0x80;
        SealedPayload altered = new SealedPayload(sealed.ciphertext(), sealed.nonce(), ephemeral);
        // the bare sealed payload still opens: RFC 7748 masks bit 255 of a u-coordinate
        assertThat(SUITE.open(vector.recipient().identity, altered)).isEqualTo(vector.plaintext());

        Envelope envelope = vector.envelopeValue();
        Envelope tampered = new Envelope(envelope.id(), envelope.from(), envelope.to(), envelope.via(),
                envelope.type(), EncryptedPayloadCodec.encode(altered), envelope.timestamp(), envelope.signature(),
                envelope.ttl(), envelope.encrypted());
        InboundVerifier.Result result = TestVerifiers.of(SUITE, vector.recipient().identity)
                .verify(envelope.from(), EnvelopeCodec.encode(tampered), WireVectors.BASE_TIME);
        assertThat(result.rejectReason()).isEqualTo("bad-signature");
    }

    /**
     * Flips {@code bit} of {@code wire} and runs it through the recipient's inbound pipeline. Returns the reject reason,
     * or "ttl-only" after checking that an accepted frame differs from the original in its ttl alone.
     */
    private static String flipAndCheck(InboundVerifier verifier, byte[] wire, InboundVerifier.Result original,
                                       int bit) {
        assertThat(original.rejectReason()).as("the unaltered frame is accepted").isNull();
        byte[] flipped = wire.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        InboundVerifier.Result result = verifier.verify(original.verified().hop(), flipped, WireVectors.BASE_TIME);
        if (result.rejectReason() != null) {
            return result.rejectReason();
        }
        VerifiedEnvelope before = original.verified();
        VerifiedEnvelope after = result.verified();
        Envelope expected = before.envelope().withTtl(after.envelope().ttl());
        EnvelopePropertiesTest.assertSameEnvelope(after.envelope(), expected);
        assertThat(after.envelope().ttl()).isNotEqualTo(before.envelope().ttl());
        assertThat(bit / 8).as("only the ttl byte may change undetected").isEqualTo(ttlOffset(before));
        assertThat(after.plaintext()).isEqualTo(before.plaintext());
        assertThat(after.ack()).isEqualTo(before.ack());
        assertThat(after.readReceipt()).isEqualTo(before.readReceipt());
        return "ttl-only";
    }

    /** Where the ttl sits in the wire form: after the signing bytes' prefix and the encoded signature. */
    private static int ttlOffset(VerifiedEnvelope verified) {
        byte[] signature = verified.envelope().signature();
        return verified.decoded().signingBytes().splitAt()
                + new MsgpackWriter().bytes(signature).toByteArray().length;
    }
}
