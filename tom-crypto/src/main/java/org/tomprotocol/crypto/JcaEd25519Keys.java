package org.tomprotocol.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/**
 * Ed25519 keys as the JDK's own {@code Ed25519} JCA keys, so that a TLS stack or a JCA {@code Signature}
 * can use a ToM identity.
 */
final class JcaEd25519Keys {
    private static final String ALGORITHM = "Ed25519";

    private JcaEd25519Keys() {
    }

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make Ed25519 private keys: " + e.getClass().getName(), e);
        }
    }

    /** The JCA form of a 32-byte encoded public key (y little-endian, the top bit holding x's parity). */
    static PublicKey publicKey(byte[] encoded) {
        boolean xOdd = (encoded[Ed25519Encodings.LENGTH - 1] & 0x80) != 0;
        byte[] bigEndianY = new byte[Ed25519Encodings.LENGTH];
        for (int i = 0; i < Ed25519Encodings.LENGTH; i++) {
            bigEndianY[i] = encoded[Ed25519Encodings.LENGTH - 1 - i];
        }
        bigEndianY[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndianY));
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make Ed25519 public keys: " + e.getClass().getName(), e);
        }
    }
}
