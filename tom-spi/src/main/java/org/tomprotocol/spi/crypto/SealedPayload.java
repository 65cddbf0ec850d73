package org.tomprotocol.spi.crypto;

import java.util.Objects;

/**
 * A payload sealed to one recipient. Arrays are shared, not copied: treat them as read-only.
 *
 * @param ciphertext         the ciphertext including its authentication tag
 * @param nonce              the AEAD nonce
 * @param ephemeralPublicKey the sender's one-time public key
 */
public record SealedPayload(byte[] ciphertext, byte[] nonce, byte[] ephemeralPublicKey) {
    public SealedPayload {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ephemeralPublicKey, "ephemeralPublicKey");
    }
}
