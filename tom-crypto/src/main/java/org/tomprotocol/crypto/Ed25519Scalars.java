package org.tomprotocol.crypto;

import java.math.BigInteger;

/** Scalars modulo the order L of the edwards25519 prime-order subgroup, 32 bytes little-endian. */
final class Ed25519Scalars {
    static final int LENGTH = 32;

    /** L = 2^252 + 27742317777372353535851937790883648493. */
    static final BigInteger ORDER =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private static final byte[] ORDER_LITTLE_ENDIAN = toLittleEndian(ORDER);

    private Ed25519Scalars() {
    }

    /** Whether the 32 bytes at {@code offset} encode a scalar below L (RFC 8032 and dalek reject S ≥ L). */
    static boolean isCanonical(byte[] bytes, int offset) {
        for (int i = LENGTH - 1; i >= 0; i--) {
            int value = bytes[offset + i] & 0xff;
            int order = ORDER_LITTLE_ENDIAN[i] & 0xff;
            if (value != order) {
                return value < order;
            }
        }
        return false;
    }

    /** Reduces a 64-byte little-endian number (a SHA-512 output) modulo L. */
    static byte[] reduceWide(byte[] wide) {
        byte[] bigEndian = new byte[wide.length];
        for (int i = 0; i < wide.length; i++) {
            bigEndian[i] = wide[wide.length - 1 - i];
        }
        return toLittleEndian(new BigInteger(1, bigEndian).mod(ORDER));
    }

    private static byte[] toLittleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
