package org.tomprotocol.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.tomprotocol.spi.crypto.CryptoException;

/** X25519 (RFC 7748) on Bouncy Castle, refusing the all-zero shared secret of a low-order public key. */
final class X25519KeyAgreement {
    static final int KEY_LENGTH = 32;

    private X25519KeyAgreement() {
    }

    /** The public key of a secret (the secret is clamped as RFC 7748 says). */
    static byte[] publicKey(byte[] secret) {
        requireLength(secret, "secret");
        byte[] publicKey = new byte[KEY_LENGTH];
        X25519.scalarMultBase(secret, 0, publicKey, 0);
        return publicKey;
    }

    /** X25519(secret, publicKey) as RFC 7748 defines it, including an all-zero result. */
    static byte[] rawSharedSecret(byte[] secret, byte[] publicKey) {
        requireLength(secret, "secret");
        requireLength(publicKey, "public key");
        byte[] shared = new byte[KEY_LENGTH];
        X25519.scalarMult(secret, 0, publicKey, 0, shared, 0);
        return shared;
    }

    /**
     * X25519(secret, publicKey).
     *
     * @throws CryptoException if the result is all zeros, i.e. the public key is of low order (ToM Gen-2 does
     *                         not check this; we do, because such a "shared" secret is known to everyone)
     */
    static byte[] sharedSecret(byte[] secret, byte[] publicKey) throws CryptoException {
        requireLength(secret, "secret");
        if (publicKey.length != KEY_LENGTH) {
            throw new CryptoException("an X25519 public key is 32 bytes, got " + publicKey.length);
        }
        byte[] shared = new byte[KEY_LENGTH];
        if (!X25519.calculateAgreement(secret, 0, publicKey, 0, shared, 0)) {
            throw new CryptoException("X25519 public key is of low order (all-zero shared secret)");
        }
        return shared;
    }

    private static void requireLength(byte[] key, String what) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 " + what + " is 32 bytes, got " + key.length);
        }
    }
}
