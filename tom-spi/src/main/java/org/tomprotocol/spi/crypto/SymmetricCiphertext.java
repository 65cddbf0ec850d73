package org.tomprotocol.spi.crypto;

import java.util.Objects;

import org.tomprotocol.api.Api;

/**
 * Output of {@link CryptoSuite#encrypt}. Arrays are shared, not copied: treat them as read-only.
 *
 * @param ciphertext the ciphertext including its authentication tag
 * @param nonce      the AEAD nonce
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record SymmetricCiphertext(byte[] ciphertext, byte[] nonce) {
    public SymmetricCiphertext {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(nonce, "nonce");
    }
}
