package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tomprotocol.core.wire.PayloadCodecsTest.assertRefused;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.core.engine.ProtocolConstants;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.Signal;

/**
 * A {@code Signal} envelope at its recipient (§5.1): taken only sealed, fresh and well formed; its payload is
 * {@code [session, kind, body]} in canonical form, with the session and body bounded.
 */
class SignalEnvelopeTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final LocalIdentity ALICE = SUITE.generateIdentity();
    private static final LocalIdentity BOB = SUITE.generateIdentity();
    private static final long NOW = 1_767_225_600_000L;
    private static final Signal OFFER = new Signal("s1", Signal.Kind.OFFER, "v=0\r\n");

    private static byte[] envelope(byte[] payload, boolean encrypted, long timestamp) {
        Envelope unsigned = Envelope.unsigned(MessageId.random(), ALICE.id(), BOB.id(), List.of(), MessageType.Signal,
                payload, timestamp, encrypted);
        SigningBytes signing = EnvelopeCodec.signingBytes(unsigned, WireProfile.REFERENCE);
        return EnvelopeCodec.encode(unsigned.withSignature(ALICE.sign(signing.bytes())), signing);
    }

    private static byte[] sealed(byte[] plaintext) throws Exception {
        return EncryptedPayloadCodec.encode(SUITE.seal(BOB.id(), plaintext), WireProfile.REFERENCE);
    }

    private static InboundVerifier.Result atBob(byte[] wire, long now) {
        return TestVerifiers.of(SUITE, BOB).verify(ALICE.id(), wire, now);
    }

    @Test
    void aSealedFreshSignalOpensToItsSessionKindAndBody() throws Exception {
        InboundVerifier.Result result = atBob(envelope(sealed(new SignalPayload(OFFER).encode()), true, NOW), NOW);
        assertThat(result.rejectReason()).isNull();
        assertThat(result.verified().signal().signal()).isEqualTo(OFFER);
    }

    @Test
    void anUnsealedStaleOrUnreadableSignalIsRefusedWithItsReason() throws Exception {
        byte[] plaintext = new SignalPayload(OFFER).encode();
        assertThat(atBob(envelope(plaintext, false, NOW), NOW).rejectReason()).isEqualTo("unsealed-signal");
        assertThat(atBob(envelope(sealed(plaintext), true, NOW), NOW + ProtocolConstants.SIGNAL_MAX_AGE_MS + 1)
                .rejectReason()).isEqualTo("stale-signal");
        byte[] forCarol = EncryptedPayloadCodec.encode(SUITE.seal(SUITE.generateIdentity().id(), plaintext),
                WireProfile.REFERENCE);
        assertThat(atBob(envelope(forCarol, true, NOW), NOW).rejectReason()).isEqualTo("decryption-failed");
        byte[] notASignal = new MsgpackWriter().arrayHeader(2).string("s1").string("offer").toByteArray();
        assertThat(atBob(envelope(sealed(notASignal), true, NOW), NOW).rejectReason()).isEqualTo("malformed");
    }

    @Test
    void thePayloadRefusesAnUnknownKindAnEmptySessionAndANonCanonicalString() throws WireException {
        assertRefused(() -> SignalPayload.decode(new MsgpackWriter().arrayHeader(3).string("s1").string("hello")
                .string("").toByteArray()), "malformed");
        assertRefused(() -> SignalPayload.decode(new MsgpackWriter().arrayHeader(3).string("").string("offer")
                .string("").toByteArray()), "malformed");
        // "s1" as a str8 (0xd9 0x02) where a fixstr fits
        assertRefused(() -> SignalPayload.decode(new byte[] {(byte) 0x93, (byte) 0xd9, 2, 's', '1', (byte) 0xa5, 'c', 'l',
                'o', 's', 'e', (byte) 0xa0}), "non-canonical");
        assertThat(SignalPayload.decode(new SignalPayload(OFFER).encode()).signal()).isEqualTo(OFFER);
    }

    @Test
    void aSignalTooLongInSessionOrBodyCannotBeMade() {
        assertThatThrownBy(() -> new Signal("x".repeat(65), Signal.Kind.OFFER, "")).hasMessageContaining("session");
        assertThatThrownBy(() -> new Signal("s", Signal.Kind.OFFER, "x".repeat(Signal.MAX_BODY_BYTES + 1)))
                .hasMessageContaining("body");
    }
}
