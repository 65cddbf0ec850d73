package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tomprotocol.core.wire.PayloadCodecsTest.assertRefused;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * The compact wire profile (wire spec §13): byte strings as {@code bin}, told apart by the payload field, one
 * profile per envelope (its nested sealed payload included), only for the message path, and only the canonical
 * {@code bin} header.
 */
class CompactProfileTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final LocalIdentity ALICE = SUITE.identityFromSeed(new byte[32]);
    private static final LocalIdentity BOB = SUITE.identityFromSeed(filled(32, 1));

    @Test
    void aCompactEnvelopeWritesItsPayloadAndSignatureAsBinWithTheSmallestHeader() throws WireException {
        Envelope envelope = chat(filled(300, 0x80), MessageType.Chat).withSignature(filled(64, 0xff));
        byte[] wire = EnvelopeCodec.encode(envelope, EnvelopeCodec.signingBytes(envelope, WireProfile.COMPACT));
        String hex = HEX.formatHex(wire);
        assertThat(hex).contains("a443686174" + "c5012c" + "80".repeat(300));
        assertThat(hex).contains("c440" + "ff".repeat(64));
        assertThat(EnvelopeCodec.decode(wire).profile()).isEqualTo(WireProfile.COMPACT);
    }

    @Test
    void anEnvelopeMixingTheTwoProfilesIsRefused() {
        Envelope envelope = chat(new byte[] {1, 2, 3}, MessageType.Chat).withSignature(filled(64, 5));
        byte[] compact = EnvelopeCodec.encode(envelope, EnvelopeCodec.signingBytes(envelope, WireProfile.COMPACT));
        byte[] reference = EnvelopeCodec.encode(envelope);
        // the reference envelope's signature spliced after the compact payload
        String compactHex = HEX.formatHex(compact);
        String referenceSignature = HEX.formatHex(new MsgpackWriter().bytes(envelope.signature()).toByteArray());
        String compactSignature = HEX.formatHex(
                new MsgpackWriter(WireProfile.COMPACT).bytes(envelope.signature()).toByteArray());
        byte[] mixed = HEX.parseHex(compactHex.replace(compactSignature, referenceSignature));
        assertRefused(() -> EnvelopeCodec.decode(mixed), "malformed");
        String referenceHex = HEX.formatHex(reference);
        byte[] mixedTheOtherWay = HEX.parseHex(referenceHex.replace(referenceSignature, compactSignature));
        assertRefused(() -> EnvelopeCodec.decode(mixedTheOtherWay), "malformed");
    }

    @Test
    void aBinHeaderLongerThanNeededIsRefused() {
        Envelope envelope = chat(new byte[] {1, 2, 3}, MessageType.Chat).withSignature(filled(64, 5));
        String wire = HEX.formatHex(EnvelopeCodec.encode(envelope,
                EnvelopeCodec.signingBytes(envelope, WireProfile.COMPACT)));
        byte[] bin16 = HEX.parseHex(wire.replace("a443686174c403010203", "a443686174c50003010203"));
        assertRefused(() -> EnvelopeCodec.decode(bin16), "non-canonical");
    }

    @Test
    void backupAndControlEnvelopesExistOnlyInTheReferenceProfile() {
        Envelope store = chat(new byte[] {1}, MessageType.BackupStore).withSignature(filled(64, 5));
        assertThatThrownBy(() -> EnvelopeCodec.signingBytes(store, WireProfile.COMPACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BackupStore");
        Envelope asChat = chat(new byte[] {1}, MessageType.Chat).withSignature(filled(64, 5));
        String compactChat = HEX.formatHex(EnvelopeCodec.encode(asChat,
                EnvelopeCodec.signingBytes(asChat, WireProfile.COMPACT)));
        byte[] compactStore = HEX.parseHex(compactChat.replace("a443686174", "ab4261636b757053746f7265"));
        assertRefused(() -> EnvelopeCodec.decode(compactStore), "wrong-profile");
    }

    @Test
    void aCompactChatOpensAtItsRecipientAndItsAcknowledgementIsCompactToo() throws CryptoException {
        byte[] plaintext = "bin all the way".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sealed = EncryptedPayloadCodec.encode(SUITE.seal(BOB.id(), plaintext), WireProfile.COMPACT);
        byte[] wire = signed(Envelope.unsigned(new MessageId("m-1"), ALICE.id(), BOB.id(), List.of(), MessageType.Chat,
                sealed, 1_767_225_600_000L, true), WireProfile.COMPACT);

        InboundVerifier.Result result = TestVerifiers.of(SUITE, BOB).verify(ALICE.id(), wire, 1_767_225_600_000L);

        assertThat(result.rejectReason()).isNull();
        assertThat(result.verified().plaintext()).isEqualTo(plaintext);
        InboundVerifier.Result ack = TestVerifiers.of(SUITE, ALICE).verify(BOB.id(),
                result.verified().acknowledgement().wire(), 1_767_225_600_000L);
        assertThat(ack.rejectReason()).isNull();
        assertThat(ack.verified().decoded().profile()).isEqualTo(WireProfile.COMPACT);
        assertThat(ack.verified().ack().originalMessageId()).isEqualTo(new MessageId("m-1"));
    }

    @Test
    void aSealedPayloadInTheOtherProfileThanItsEnvelopeIsRefused() throws CryptoException {
        SealedPayload sealed = SUITE.seal(BOB.id(), new byte[] {42});
        byte[] wire = signed(Envelope.unsigned(new MessageId("m-2"), ALICE.id(), BOB.id(), List.of(), MessageType.Chat,
                EncryptedPayloadCodec.encode(sealed), 1_767_225_600_000L, true), WireProfile.COMPACT);

        assertThat(TestVerifiers.of(SUITE, BOB).verify(ALICE.id(), wire, 1_767_225_600_000L).rejectReason())
                .isEqualTo("malformed");
    }

    @Test
    void aSignatureOverTheReferenceFormDoesNotHoldForTheCompactForm() {
        Envelope unsigned = chat(filled(40, 0x90), MessageType.Chat);
        byte[] referenceSignature = ALICE.sign(EnvelopeCodec.signingBytes(unsigned).bytes());
        SigningBytes compact = EnvelopeCodec.signingBytes(unsigned, WireProfile.COMPACT);
        // a relay cannot rewrite an envelope into the other profile: the signature covers the form
        assertThat(SUITE.verify(ALICE.id(), compact.bytes(), referenceSignature)).isFalse();
    }

    private static byte[] signed(Envelope unsigned, WireProfile profile) {
        SigningBytes signing = EnvelopeCodec.signingBytes(unsigned, profile);
        return EnvelopeCodec.encode(unsigned.withSignature(ALICE.sign(signing.bytes())), signing);
    }

    private static Envelope chat(byte[] payload, MessageType type) {
        NodeId to = BOB.id();
        return Envelope.unsigned(new MessageId("c"), ALICE.id(), to, List.of(), type, payload, 5, false);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
