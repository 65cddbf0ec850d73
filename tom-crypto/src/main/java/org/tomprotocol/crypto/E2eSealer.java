package org.tomprotocol.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * Per-message end-to-end encryption to a node id, as ToM Gen-2 does it (an ECIES-like scheme):
 * a fresh X25519 key pair per message; key = HKDF-SHA256(salt = none, ikm = X25519(ephemeral, recipient),
 * info = {@value #INFO_TEXT}, 32 bytes); XChaCha20-Poly1305 under a random 24-byte nonce, no associated
 * data. Unlike Gen-2 we refuse an all-zero X25519 result (a low-order key) on both sides.
 */
final class E2eSealer {
    static final String INFO_TEXT = "tom-protocol-e2e-xchacha20poly1305-v1";

    private static final byte[] INFO = INFO_TEXT.getBytes(StandardCharsets.US_ASCII);
    private static final String DECRYPTION_FAILED = "decryption failed";

    private E2eSealer() {
    }

    /** Seals with fresh randomness. */
    static SealedPayload seal(byte[] recipientEdwardsKey, byte[] plaintext) throws CryptoException {
        return sealToMontgomery(EdwardsToMontgomery.publicKey(recipientEdwardsKey), plaintext);
    }

    /** Seals to a recipient whose Ed25519 key was already converted to its X25519 form. */
    static SealedPayload sealToMontgomery(byte[] recipientKey, byte[] plaintext) throws CryptoException {
        byte[] ephemeralSecret = SharedRandom.bytes(X25519KeyAgreement.KEY_LENGTH);
        try {
            return sealWith(recipientKey, plaintext, ephemeralSecret,
                    SharedRandom.bytes(XChaCha20Poly1305Aead.NONCE_LENGTH));
        } finally {
            Arrays.fill(ephemeralSecret, (byte) 0);
        }
    }

    /** Seals with the given ephemeral secret and nonce (the nonce array ends up in the result). */
    static SealedPayload seal(byte[] recipientEdwardsKey, byte[] plaintext, byte[] ephemeralSecret, byte[] nonce)
            throws CryptoException {
        return sealWith(EdwardsToMontgomery.publicKey(recipientEdwardsKey), plaintext, ephemeralSecret, nonce);
    }

    private static SealedPayload sealWith(byte[] recipientKey, byte[] plaintext, byte[] ephemeralSecret,
                                          byte[] nonce) throws CryptoException {
        byte[] ephemeralPublic = X25519KeyAgreement.publicKey(ephemeralSecret);
        byte[] key = messageKey(ephemeralSecret, recipientKey);
        try {
            return new SealedPayload(XChaCha20Poly1305Aead.encrypt(key, nonce, plaintext, null), nonce,
                    ephemeralPublic);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Opens a sealed payload with the recipient's X25519 secret.
     *
     * @throws CryptoException "decryption failed", whatever went wrong
     */
    static byte[] open(byte[] recipientSecret, SealedPayload sealed) throws CryptoException {
        byte[] key;
        try {
            key = messageKey(recipientSecret, sealed.ephemeralPublicKey());
        } catch (CryptoException e) {
            throw new CryptoException(DECRYPTION_FAILED);
        }
        try {
            return XChaCha20Poly1305Aead.decrypt(key, sealed.nonce(), sealed.ciphertext(), null);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The AEAD key shared by {@code secret} and the holder of {@code publicKey}'s secret.
     *
     * @throws CryptoException if the public key has the wrong length or is of low order
     */
    static byte[] messageKey(byte[] secret, byte[] publicKey) throws CryptoException {
        byte[] shared = X25519KeyAgreement.sharedSecret(secret, publicKey);
        try {
            return HkdfSha256.derive(null, shared, INFO, XChaCha20Poly1305Aead.KEY_LENGTH);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }
}
