package org.tomprotocol.spi.crypto;

import java.util.Objects;

import org.tomprotocol.api.Api;

/**
 * A payload sealed to one recipient. Arrays are shared, not copied: treat them as read-only.
 *
 * @param ciphertext         the ciphertext including its authentication tag
 * @param nonce              the AEAD nonce
 * @param ephemeralPublicKey the sender's one-time public key
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record SealedPayload(byte[] ciphertext, byte[] nonce, byte[] ephemeralPublicKey) {
    public SealedPayload {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ephemeralPublicKey, "ephemeralPublicKey");
    }
}
