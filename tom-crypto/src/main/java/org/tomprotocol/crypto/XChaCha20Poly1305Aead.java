package org.tomprotocol.crypto;

import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.tomprotocol.spi.crypto.CryptoException;

/**
 * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha) on Bouncy Castle. The output is ciphertext ‖ 16-byte tag, the
 * layout of ToM Gen-2 (the Rust {@code chacha20poly1305} crate). A cipher object is made per call: they are
 * small, and sharing them would need locks.
 */
final class XChaCha20Poly1305Aead {
    static final int KEY_LENGTH = 32;
    static final int NONCE_LENGTH = 24;
    static final int TAG_LENGTH = 16;

    private static final String DECRYPTION_FAILED = "decryption failed";

    private XChaCha20Poly1305Aead() {
    }

    /**
     * Encrypts {@code plaintext}.
     *
     * @param aad associated data, or null for none (ToM uses none)
     * @throws IllegalArgumentException if the key or nonce has the wrong length
     */
    static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        requireLengths(key, nonce);
        XChaCha20Poly1305 cipher = new XChaCha20Poly1305();
        cipher.init(true, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
        byte[] out = new byte[plaintext.length + TAG_LENGTH];
        int written = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            cipher.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("XChaCha20-Poly1305 encryption cannot fail", e);
        }
        return out;
    }

    /**
     * Decrypts and authenticates ciphertext ‖ tag.
     *
     * @throws CryptoException "decryption failed", whatever the reason (wrong lengths, wrong key, forged tag)
     */
    static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] aad) throws CryptoException {
        if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH || ciphertextAndTag.length < TAG_LENGTH) {
            throw new CryptoException(DECRYPTION_FAILED);
        }
        XChaCha20Poly1305 cipher = new XChaCha20Poly1305();
        cipher.init(false, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
        byte[] out = new byte[ciphertextAndTag.length - TAG_LENGTH];
        try {
            int written = cipher.processBytes(ciphertextAndTag, 0, ciphertextAndTag.length, out, 0);
            cipher.doFinal(out, written);
        } catch (InvalidCipherTextException | IllegalStateException e) {
            Arrays.fill(out, (byte) 0);
            throw new CryptoException(DECRYPTION_FAILED);
        }
        return out;
    }

    private static void requireLengths(byte[] key, byte[] nonce) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an XChaCha20-Poly1305 key is 32 bytes, got " + key.length);
        }
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("an XChaCha20-Poly1305 nonce is 24 bytes, got " + nonce.length);
        }
    }
}
