package org.tomprotocol.crypto.sodium;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * tom-v1's end-to-end sealing on libsodium: a fresh X25519 key pair per message, key = HKDF-SHA256(no salt,
 * X25519(ephemeral, recipient), info {@value #INFO_TEXT}, 32 bytes), XChaCha20-Poly1305 with a random 24-byte
 * nonce and no associated data; an all-zero shared secret (a low-order key) is refused on both sides. HKDF is two
 * HMAC-SHA256 calls: with no salt the extract key is 32 zero bytes, and one expand block gives the 32 bytes.
 */
final class SodiumSealer {
    static final String INFO_TEXT = "tom-protocol-e2e-xchacha20poly1305-v1";
    static final int KEY_LENGTH = 32;
    static final int NONCE_LENGTH = 24;
    static final int TAG_LENGTH = 16;

    private static final byte[] EXPAND_INPUT = expandInput();
    private static final byte[] NO_SALT = new byte[KEY_LENGTH];
    private static final String DECRYPTION_FAILED = "decryption failed";

    private final Libsodium sodium;

    SodiumSealer(Libsodium sodium) {
        this.sodium = sodium;
    }

    private static byte[] expandInput() {
        byte[] info = INFO_TEXT.getBytes(StandardCharsets.US_ASCII);
        byte[] input = Arrays.copyOf(info, info.length + 1);
        input[info.length] = 1;
        return input;
    }

    /** Seals to a recipient's X25519 key with fresh randomness. */
    SealedPayload seal(byte[] recipientMontgomery, byte[] plaintext) throws CryptoException {
        byte[] ephemeralSecret = randomBytes(KEY_LENGTH);
        byte[] ephemeralPublic = new byte[KEY_LENGTH];
        byte[] key;
        try {
            sodium.scalarMultBase(ephemeralPublic, ephemeralSecret);
            key = messageKey(ephemeralSecret, recipientMontgomery);
        } finally {
            // wiped on every path, a refused (low-order) recipient key included
            Arrays.fill(ephemeralSecret, (byte) 0);
        }
        try {
            byte[] nonce = randomBytes(NONCE_LENGTH);
            return new SealedPayload(encrypt(key, nonce, plaintext), nonce, ephemeralPublic);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Opens with the recipient's X25519 secret.
     *
     * @throws CryptoException "decryption failed", whatever went wrong
     */
    byte[] open(byte[] recipientSecret, SealedPayload sealed) throws CryptoException {
        byte[] key;
        try {
            key = messageKey(recipientSecret, sealed.ephemeralPublicKey());
        } catch (CryptoException e) {
            throw new CryptoException(DECRYPTION_FAILED);
        }
        try {
            return decrypt(key, sealed.nonce(), sealed.ciphertext());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** XChaCha20-Poly1305 without associated data; the result ends with the tag. */
    byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext) {
        byte[] ciphertext = new byte[plaintext.length + TAG_LENGTH];
        sodium.aeadEncrypt(ciphertext, plaintext, nonce, key);
        return ciphertext;
    }

    /**
     * Decrypts what {@link #encrypt} produced.
     *
     * @throws CryptoException for a wrong nonce length, a short ciphertext, or a failed authentication
     */
    byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext) throws CryptoException {
        if (nonce.length != NONCE_LENGTH || ciphertext.length < TAG_LENGTH) {
            throw new CryptoException(DECRYPTION_FAILED);
        }
        byte[] plaintext = new byte[ciphertext.length - TAG_LENGTH];
        if (sodium.aeadDecrypt(plaintext, ciphertext, nonce, key) != 0) {
            throw new CryptoException(DECRYPTION_FAILED);
        }
        return plaintext;
    }

    byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        sodium.randomBytes(bytes);
        return bytes;
    }

    private byte[] messageKey(byte[] secret, byte[] publicKey) throws CryptoException {
        if (publicKey.length != KEY_LENGTH) {
            throw new CryptoException("an X25519 public key is 32 bytes, got " + publicKey.length);
        }
        byte[] shared = new byte[KEY_LENGTH];
        byte[] pseudoRandomKey = new byte[KEY_LENGTH];
        try {
            if (secret.length != KEY_LENGTH || sodium.scalarMult(shared, secret, publicKey) != 0) {
                throw new CryptoException("the X25519 public key is of low order");
            }
            sodium.hmacSha256(pseudoRandomKey, shared, NO_SALT);
            byte[] key = new byte[KEY_LENGTH];
            sodium.hmacSha256(key, EXPAND_INPUT, pseudoRandomKey);
            return key;
        } finally {
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(pseudoRandomKey, (byte) 0);
        }
    }
}
