package org.tomprotocol.bench;

import java.security.SecureRandom;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The Bouncy Castle calls tom-crypto's package-private wrappers make (X25519KeyAgreement, HkdfSha256,
 * XChaCha20Poly1305Aead, SharedRandom), written out here so they can be timed without the pipeline around
 * them. Each method is the wrapper's body minus its argument checks.
 */
final class BarePrimitives {
    static final byte[] E2E_INFO = "tom-protocol-e2e-xchacha20poly1305-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BarePrimitives() {
    }

    /** X25519(secret, publicKey), refusing the all-zero result. */
    static byte[] x25519(byte[] secret, byte[] publicKey) {
        byte[] shared = new byte[32];
        if (!X25519.calculateAgreement(secret, 0, publicKey, 0, shared, 0)) {
            throw new IllegalStateException("low-order public key");
        }
        return shared;
    }

    /** HKDF-SHA256 with no salt and ToM's info, 32 bytes out. */
    static byte[] hkdf(byte[] ikm) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, null, E2E_INFO));
        byte[] out = new byte[32];
        generator.generateBytes(out, 0, out.length);
        return out;
    }

    static byte[] xchachaEncrypt(byte[] key, byte[] nonce, byte[] plaintext) {
        XChaCha20Poly1305 cipher = new XChaCha20Poly1305();
        cipher.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, null));
        byte[] out = new byte[plaintext.length + TAG_BITS / 8];
        int written = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            cipher.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static byte[] xchachaDecrypt(byte[] key, byte[] nonce, byte[] ciphertext) {
        XChaCha20Poly1305 cipher = new XChaCha20Poly1305();
        cipher.init(false, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, null));
        byte[] out = new byte[ciphertext.length - TAG_BITS / 8];
        try {
            int written = cipher.processBytes(ciphertext, 0, ciphertext.length, out, 0);
            cipher.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The fresh randomness of one seal: a 32-byte ephemeral secret and a 24-byte nonce, as two calls. */
    static byte[] sealRandomness() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return nonce;
    }
}
