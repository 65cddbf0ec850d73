package org.tomprotocol.crypto;

import static org.bouncycastle.math.ec.rfc7748.X25519Field.create;

import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Ed25519 verification with the semantics of ed25519-dalek's {@code verify_strict}, which ToM Gen-2 uses for
 * envelopes: the signature is 64 bytes; S is canonical (S &lt; L); neither R nor the public key A is of small
 * order; and the cofactorless equation holds, checked as {@code encode([S]B − [k]A) == R} byte for byte (so
 * a non-canonical R never verifies).
 *
 * <p>One deliberate difference: dalek decodes a public key whose y is non-canonical (y ≥ p) by reducing it;
 * we refuse such keys, so that every valid node id names a point in exactly one way. No key made from a seed
 * is affected.
 */
final class StrictEd25519Verifier {
    static final int SIGNATURE_LENGTH = 64;

    private StrictEd25519Verifier() {
    }

    /** Whether {@code publicKey} (32 bytes) is canonical, on the curve and not of small order. */
    static boolean isValidPublicKey(byte[] publicKey) {
        return decodePublicKey(publicKey, false, create(), create());
    }

    /**
     * Decodes a valid public key (see {@link #isValidPublicKey}) into affine coordinates.
     *
     * @return false, leaving x and y unspecified, if the key is not valid
     */
    static boolean decodePublicKey(byte[] publicKey, boolean negated, int[] x, int[] y) {
        return publicKey.length == Ed25519Encodings.LENGTH
                && Ed25519Encodings.isCanonicalY(publicKey, 0)
                && !Ed25519Encodings.isSmallOrder(publicKey, 0)
                && Edwards25519.decodeVar(publicKey, negated, x, y);
    }

    /** Whether {@code signature} is a strictly valid signature of {@code message} by {@code publicKey}. */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Edwards25519.PointTable negatedKey = negatedKeyTable(publicKey);
        return negatedKey != null && verify(publicKey, negatedKey, message, signature);
    }

    /**
     * The precomputed table of −A for a valid public key A (see {@link #isValidPublicKey}), or {@code null}:
     * what verification needs of the key, computed once per signer and reusable.
     */
    static Edwards25519.PointTable negatedKeyTable(byte[] publicKey) {
        int[] negatedAx = create();
        int[] ay = create();
        return decodePublicKey(publicKey, true, negatedAx, ay) ? Edwards25519.precompute(negatedAx, ay) : null;
    }

    /** {@link #verify(byte[], byte[], byte[])} with the signer's table from {@link #negatedKeyTable}. */
    static boolean verify(byte[] publicKey, Edwards25519.PointTable negatedKey, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH
                || !Ed25519Scalars.isCanonical(signature, Ed25519Encodings.LENGTH)
                || Ed25519Encodings.isSmallOrder(signature, 0)) {
            return false;
        }
        byte[] k = challenge(signature, publicKey, message);
        byte[] s = Arrays.copyOfRange(signature, Ed25519Encodings.LENGTH, SIGNATURE_LENGTH);
        byte[] expectedR = new byte[Ed25519Encodings.LENGTH];
        Edwards25519.doubleScalarMultBaseVar(s, k, negatedKey, expectedR);
        return Arrays.equals(expectedR, 0, Ed25519Encodings.LENGTH, signature, 0, Ed25519Encodings.LENGTH);
    }

    /** k = SHA-512(R ‖ A ‖ M) mod L. */
    private static byte[] challenge(byte[] signature, byte[] publicKey, byte[] message) {
        SHA512Digest digest = new SHA512Digest();
        digest.update(signature, 0, Ed25519Encodings.LENGTH);
        digest.update(publicKey, 0, Ed25519Encodings.LENGTH);
        digest.update(message, 0, message.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return Ed25519Scalars.reduceWide(hash);
    }
}
