package org.tomprotocol.core.wire;

import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * The payload of an encrypted envelope: {@code EncryptedPayload = [ciphertext, nonce(24), ephemeral_pk(32)]},
 * each a byte array in Gen-2's integer-array form.
 */
public final class EncryptedPayloadCodec {
    /** XChaCha20-Poly1305 nonce length. */
    public static final int NONCE_LENGTH = 24;
    /** X25519 public key length. */
    public static final int EPHEMERAL_KEY_LENGTH = 32;

    private EncryptedPayloadCodec() {
    }

    public static byte[] encode(SealedPayload sealed) {
        return new MsgpackWriter().arrayHeader(3)
                .bytes(sealed.ciphertext())
                .bytes(sealed.nonce())
                .bytes(sealed.ephemeralPublicKey())
                .toByteArray();
    }

    public static SealedPayload decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        reader.expectArray(3, "encrypted payload");
        byte[] ciphertext = reader.bytes(bytes.length, "ciphertext");
        byte[] nonce = reader.fixedBytes(NONCE_LENGTH, "nonce");
        byte[] ephemeral = reader.fixedBytes(EPHEMERAL_KEY_LENGTH, "ephemeral_pk");
        reader.expectEnd("encrypted payload");
        return new SealedPayload(ciphertext, nonce, ephemeral);
    }
}
