package org.tomprotocol.crypto;

import static org.bouncycastle.math.ec.rfc7748.X25519Field.addOne;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.copy;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.create;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.encode;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.invVar;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.mul;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.normalize;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.one;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.sub;

import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA512Digest;
import org.tomprotocol.spi.crypto.CryptoException;

/**
 * Converts Ed25519 keys to X25519 keys the way libsodium's {@code crypto_sign_ed25519_pk_to_curve25519} and
 * {@code crypto_sign_ed25519_sk_to_curve25519} do, so that a node id is also a key-agreement key.
 */
final class EdwardsToMontgomery {
    static final int KEY_LENGTH = 32;

    private EdwardsToMontgomery() {
    }

    /**
     * The Montgomery u = (1 + y) / (1 − y) of an Ed25519 public key.
     *
     * @throws CryptoException if the key is not a canonical curve point or is of small order
     */
    static byte[] publicKey(byte[] edwardsPublicKey) throws CryptoException {
        int[] x = create();
        int[] y = create();
        if (!StrictEd25519Verifier.decodePublicKey(edwardsPublicKey, false, x, y)) {
            throw new CryptoException("not a valid Ed25519 public key (not a curve point, or of small order)");
        }
        int[] numerator = create();
        int[] denominator = create();
        copy(y, 0, numerator, 0);
        addOne(numerator);
        one(denominator);
        sub(denominator, y, denominator);
        invVar(denominator, denominator);
        mul(numerator, denominator, numerator);
        normalize(numerator);
        byte[] u = new byte[KEY_LENGTH];
        encode(numerator, u, 0);
        return u;
    }

    /** The X25519 secret of an Ed25519 seed: SHA-512(seed)[0..32], clamped. */
    static byte[] secretKey(byte[] seed) {
        if (seed.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
        }
        SHA512Digest digest = new SHA512Digest();
        digest.update(seed, 0, seed.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        byte[] secret = Arrays.copyOf(hash, KEY_LENGTH);
        Arrays.fill(hash, (byte) 0);
        secret[0] &= (byte) 248;
        secret[31] &= 127;
        secret[31] |= 64;
        return secret;
    }
}
