package org.tomprotocol.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * {@link NodeBuilder#MAX_PAYLOAD_BYTES} is derived from the 256 KiB envelope cap and the tom-v1 wire overhead:
 * an encrypted envelope carrying that many payload bytes fits whatever its ciphertext bytes are, one more byte
 * may not — and so does the backup frame that carries a copy of it to a holder. Gen-2 writes byte strings as arrays
 * of integers, twice (the sealed payload inside the envelope), so a ciphertext byte takes up to four bytes on the
 * wire.
 */
class PayloadLimitTest {
    /** tom-v1's XChaCha20-Poly1305 tag, appended to the ciphertext. */
    private static final int AEAD_TAG_BYTES = 16;

    /** The encoded size of the largest envelope that carries {@code payloadBytes}: every field at its longest. */
    static int worstCaseEnvelopeBytes(int payloadBytes) {
        byte[] ciphertext = filled(payloadBytes + AEAD_TAG_BYTES);
        byte[] sealed = EncryptedPayloadCodec.encode(new SealedPayload(ciphertext,
                filled(EncryptedPayloadCodec.NONCE_LENGTH), filled(EncryptedPayloadCodec.EPHEMERAL_KEY_LENGTH)));
        List<NodeId> relays = new ArrayList<>();
        for (int i = 0; i < Envelope.MAX_RELAYS; i++) {
            relays.add(node(i + 3));
        }
        MessageType longestName = Arrays.stream(MessageType.values())
                .max(Comparator.comparingInt(type -> type.name().length())).orElseThrow();
        Envelope envelope = new Envelope(MessageId.random(), node(1), node(2), relays, longestName, sealed,
                Long.MAX_VALUE, filled(Envelope.SIGNATURE_LENGTH), 255, true);
        return EnvelopeCodec.encode(envelope).length;
    }

    /**
     * The encoded size of the largest backup frame that carries a copy of a message of {@code payloadBytes}: the copy
     * embeds the sealed payload verbatim, names every holder it may list, and travels in an envelope of its own.
     */
    static int worstCaseBackupFrameBytes(int payloadBytes) {
        byte[] ciphertext = filled(payloadBytes + AEAD_TAG_BYTES);
        byte[] sealed = EncryptedPayloadCodec.encode(new SealedPayload(ciphertext,
                filled(EncryptedPayloadCodec.NONCE_LENGTH), filled(EncryptedPayloadCodec.EPHEMERAL_KEY_LENGTH)));
        List<NodeId> holders = new ArrayList<>();
        for (int i = 0; i < BackupCopy.MAX_HOLDERS_LISTED; i++) {
            holders.add(node(i + 10));
        }
        String longestId = "m".repeat(MessageId.MAX_LENGTH);
        BackupCopy copy = new BackupCopy(new MessageId(longestId), node(1), node(2), Long.MAX_VALUE, sealed,
                filled(Envelope.SIGNATURE_LENGTH), holders);
        Envelope frame = new Envelope(new MessageId(longestId), node(1), node(3), List.of(), MessageType.BackupReplicate,
                copy.encode(), Long.MAX_VALUE, filled(Envelope.SIGNATURE_LENGTH), 255, false);
        return EnvelopeCodec.encode(frame).length;
    }

    /** The larger of the two: a message must fit as itself and as a backup copy. */
    static int worstCaseBytes(int payloadBytes) {
        return Math.max(worstCaseEnvelopeBytes(payloadBytes), worstCaseBackupFrameBytes(payloadBytes));
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        // bytes of 0x80 and above take two bytes as msgpack integers: the worst case of every byte string
        Arrays.fill(bytes, (byte) 0xff);
        return bytes;
    }

    private static NodeId node(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) (0x80 + seed));
        return NodeId.of(key);
    }

    @Test
    void theLargestPayloadAlwaysFitsInAnEnvelopeAndOneMoreByteMayNot() {
        int max = NodeBuilder.MAX_PAYLOAD_BYTES;

        assertThat(worstCaseBytes(max)).isLessThanOrEqualTo(EnvelopeCodec.MAX_ENVELOPE_BYTES);
        assertThat(worstCaseBytes(max + 1)).isGreaterThan(EnvelopeCodec.MAX_ENVELOPE_BYTES);
    }

    @Test
    void theDefaultPayloadLimitIsTheLargestThatFits() {
        assertThat(NodeBuilder.DEFAULT_MAX_PAYLOAD_BYTES).isEqualTo(NodeBuilder.MAX_PAYLOAD_BYTES);
    }

    @Test
    void anEnvelopeAtTheLimitDecodesOnTheOtherSide() throws WireException {
        // the decoder's own cap is the one the limit is derived from
        byte[] sealed = EncryptedPayloadCodec.encode(new SealedPayload(filled(NodeBuilder.MAX_PAYLOAD_BYTES + 16),
                filled(24), filled(32)));
        Envelope envelope = new Envelope(MessageId.random(), node(1), node(2), List.of(), MessageType.Chat, sealed,
                1_700_000_000_000L, filled(64), 4, true);

        assertThat(EnvelopeCodec.decode(EnvelopeCodec.encode(envelope)).envelope().payload()).isEqualTo(sealed);
    }
}
