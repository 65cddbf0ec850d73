package org.tomprotocol.crypto.sodium;

import java.math.BigInteger;

/**
 * Edwards25519 in affine coordinates with BigInteger — slow and obvious, for making test keys with a torsion
 * component (A + T), which no seed gives, and RFC 8032 signatures that claim such a key.
 */
final class ReferenceEdwards {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P))
            .mod(P);
    private static final BigInteger SQRT_MINUS_ONE = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    private static final BigInteger L = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final byte[] BASE = java.util.HexFormat.of()
            .parseHex("5866666666666666666666666666666666666666666666666666666666666666");

    private ReferenceEdwards() {
    }

    /**
     * An RFC 8032 signature by the secret of {@code seed} whose challenge hashes {@code claimedKey} instead of the
     * seed's own public key.
     */
    static byte[] sign(byte[] seed, byte[] claimedKey, byte[] message) {
        byte[] h = sha512(seed);
        byte[] scalarBytes = java.util.Arrays.copyOf(h, 32);
        scalarBytes[0] &= (byte) 248;
        scalarBytes[31] &= 127;
        scalarBytes[31] |= 64;
        BigInteger a = littleEndian(scalarBytes);
        BigInteger r = littleEndian(sha512(java.util.Arrays.copyOfRange(h, 32, 64), message)).mod(L);
        byte[] encodedR = multiply(r, BASE);
        BigInteger k = littleEndian(sha512(encodedR, claimedKey, message)).mod(L);
        byte[] s = toLittleEndian(r.add(k.multiply(a)).mod(L));
        byte[] signature = java.util.Arrays.copyOf(encodedR, 64);
        System.arraycopy(s, 0, signature, 32, 32);
        return signature;
    }

    private static byte[] multiply(BigInteger scalar, byte[] point) {
        byte[] result = java.util.HexFormat.of()
                .parseHex("0100000000000000000000000000000000000000000000000000000000000000");
        for (int bit = scalar.bitLength() - 1; bit >= 0; bit--) {
            result = add(result, result);
            if (scalar.testBit(bit)) {
                result = add(result, point);
            }
        }
        return result;
    }

    private static byte[] sha512(byte[]... parts) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] be = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            be[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] toLittleEndian(BigInteger value) {
        byte[] be = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    /** The encoding of the sum of two encoded points. */
    static byte[] add(byte[] a, byte[] b) {
        BigInteger[] p = decode(a);
        BigInteger[] q = decode(b);
        BigInteger x1y2 = p[0].multiply(q[1]);
        BigInteger x2y1 = q[0].multiply(p[1]);
        BigInteger dxxyy = D.multiply(p[0]).multiply(q[0]).multiply(p[1]).multiply(q[1]).mod(P);
        BigInteger x = x1y2.add(x2y1).multiply(BigInteger.ONE.add(dxxyy).modInverse(P)).mod(P);
        BigInteger y = p[1].multiply(q[1]).add(p[0].multiply(q[0]))
                .multiply(BigInteger.ONE.subtract(dxxyy).mod(P).modInverse(P)).mod(P);
        return encode(x, y);
    }

    private static BigInteger[] decode(byte[] encoded) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = encoded[31 - i];
        }
        boolean xOdd = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        BigInteger y = new BigInteger(1, be).mod(P);
        BigInteger yy = y.multiply(y).mod(P);
        BigInteger xx = yy.subtract(BigInteger.ONE).multiply(D.multiply(yy).add(BigInteger.ONE).modInverse(P)).mod(P);
        BigInteger x = xx.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(xx)) {
            x = x.multiply(SQRT_MINUS_ONE).mod(P);
        }
        if (!x.multiply(x).mod(P).equals(xx)) {
            throw new IllegalArgumentException("not a point");
        }
        if (x.testBit(0) != xOdd) {
            x = P.subtract(x).mod(P);
        }
        return new BigInteger[] {x, y};
    }

    private static byte[] encode(BigInteger x, BigInteger y) {
        byte[] be = y.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        if (x.testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }
}
