package org.tomprotocol.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A slow, obviously-correct BigInteger model of edwards25519 (RFC 8032 section 5.1), used by tests to build
 * crafted points and signatures and as an independent reference for the Edwards→Montgomery map.
 */
final class ReferenceEd25519 {
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    static final BigInteger L = Ed25519Scalars.ORDER;
    static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    static final BigInteger SQRT_MINUS_ONE = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    /** An affine point. */
    record Point(BigInteger x, BigInteger y) {
        Point add(Point o) {
            BigInteger xx = x.multiply(o.x).mod(P);
            BigInteger yy = y.multiply(o.y).mod(P);
            BigInteger dxxyy = D.multiply(xx).multiply(yy).mod(P);
            BigInteger x3 = x.multiply(o.y).add(y.multiply(o.x)).multiply(BigInteger.ONE.add(dxxyy).modInverse(P));
            BigInteger y3 = yy.add(xx).multiply(BigInteger.ONE.subtract(dxxyy).mod(P).modInverse(P));
            return new Point(x3.mod(P), y3.mod(P));
        }

        Point negate() {
            return new Point(x.negate().mod(P), y);
        }

        Point times(BigInteger k) {
            Point result = IDENTITY;
            Point addend = this;
            for (int i = 0; i < k.bitLength(); i++) {
                if (k.testBit(i)) {
                    result = result.add(addend);
                }
                addend = addend.add(addend);
            }
            return result;
        }

        byte[] encode() {
            byte[] out = toLittleEndian(y);
            if (x.testBit(0)) {
                out[31] |= (byte) 0x80;
            }
            return out;
        }

        boolean isSmallOrder() {
            return times(BigInteger.valueOf(8)).equals(IDENTITY);
        }

        /** The Montgomery u = (1 + y) / (1 − y). */
        BigInteger montgomeryU() {
            return BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).mod(P).modInverse(P)).mod(P);
        }
    }

    static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE);
    static final Point BASE = decode(java.util.HexFormat.of()
            .parseHex("5866666666666666666666666666666666666666666666666666666666666666"));
    /** A point of order 8. */
    static final Point ORDER_8 = decode(java.util.HexFormat.of()
            .parseHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"));
    /** The point of order 2. */
    static final Point ORDER_2 = new Point(BigInteger.ZERO, P.subtract(BigInteger.ONE));

    private ReferenceEd25519() {
    }

    /** Decodes leniently (y may be ≥ p); null if no point has that y and sign. */
    static Point decode(byte[] encoded) {
        byte[] copy = encoded.clone();
        boolean sign = (copy[31] & 0x80) != 0;
        copy[31] &= 0x7f;
        BigInteger y = fromLittleEndian(copy).mod(P);
        BigInteger u = y.multiply(y).subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y).multiply(y).add(BigInteger.ONE).mod(P);
        BigInteger x = u.multiply(v.pow(3)).multiply(u.multiply(v.pow(7)).modPow(P.subtract(BigInteger.valueOf(5))
                .shiftRight(3), P)).mod(P);
        if (!v.multiply(x).multiply(x).subtract(u).mod(P).equals(BigInteger.ZERO)) {
            x = x.multiply(SQRT_MINUS_ONE).mod(P);
        }
        if (!v.multiply(x).multiply(x).subtract(u).mod(P).equals(BigInteger.ZERO)) {
            return null;
        }
        if (x.signum() == 0 && sign) {
            return null;
        }
        if (x.testBit(0) != sign) {
            x = P.subtract(x);
        }
        return new Point(x, y);
    }

    /** The eight points of small order. */
    static Point[] smallOrderPoints() {
        Point[] points = new Point[8];
        for (int i = 0; i < 8; i++) {
            points[i] = ORDER_8.times(BigInteger.valueOf(i));
        }
        return points;
    }

    /** The secret scalar of a seed: SHA-512(seed)[0..32] clamped, as an integer. */
    static BigInteger secretScalar(byte[] seed) {
        byte[] h = Arrays.copyOf(sha512(seed), 32);
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        return fromLittleEndian(h);
    }

    /** SHA-512(parts…) mod L. */
    static BigInteger challenge(byte[]... parts) {
        return fromLittleEndian(sha512(parts)).mod(L);
    }

    /** A signature R ‖ S with S given. */
    static byte[] signature(byte[] r, BigInteger s) {
        byte[] out = Arrays.copyOf(r, 64);
        System.arraycopy(toLittleEndian(s), 0, out, 32, 32);
        return out;
    }

    static byte[] sha512(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    static byte[] toLittleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
