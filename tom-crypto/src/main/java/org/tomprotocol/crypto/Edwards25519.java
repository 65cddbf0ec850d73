package org.tomprotocol.crypto;

import static org.bouncycastle.math.ec.rfc7748.X25519Field.add;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.addOne;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.apm;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.carry;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.copy;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.create;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.decode255;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.encode;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.invVar;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.isZeroVar;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.mul;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.negate;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.normalize;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.one;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.sqr;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.sqrtRatioVar;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.sub;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.subOne;
import static org.bouncycastle.math.ec.rfc7748.X25519Field.zero;

import java.util.HexFormat;

/**
 * Variable-time edwards25519 point arithmetic for verification, on Bouncy Castle's field arithmetic.
 *
 * <p>Why it exists: Bouncy Castle's {@code Ed25519.verify} checks the <em>cofactored</em> equation
 * {@code [8][S]B = [8]R + [8][k]A}, whereas ed25519-dalek's {@code verify_strict} (what ToM Gen-2 uses) checks
 * the cofactorless one by recomputing {@code R' = [S]B - [k]A} and comparing encodings. They disagree on
 * crafted signatures with mixed-order points, so we compute {@code R'} here. The point formulas are the
 * extended-coordinate ones of Hisil, Wong, Carter and Dawson (2008) in the same shape as Bouncy Castle's
 * {@code rfc8032.Ed25519}, whose limb bounds they therefore share. Only public data goes through this class.
 */
final class Edwards25519 {
    private static final HexFormat HEX = HexFormat.of();
    private static final int BASE_WINDOW = 8;
    private static final int POINT_WINDOW = 5;

    private static final int[] D = fieldElement("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352");
    private static final int[] D2 = fieldElement("59f1b226949bd6eb56b183829a14e00030d1f3eef2808e19e7fcdf56dcd90624");
    private static final int[] ONE_HALF = fieldElement("f7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff3f");
    private static final byte[] BASE_POINT =
            HEX.parseHex("5866666666666666666666666666666666666666666666666666666666666666");

    /** Odd multiples B, 3B, …, 127B of the base point, for signed-window digits of width 8. */
    private static final AffineCached[] BASE_TABLE = baseTable();

    private Edwards25519() {
    }

    /** A point in extended coordinates (X:Y:Z:T) with T = u·v kept factored, as Bouncy Castle does. */
    static final class Point {
        final int[] x = create();
        final int[] y = create();
        final int[] z = create();
        final int[] u = create();
        final int[] v = create();

        static Point neutral() {
            Point p = new Point();
            one(p.y);
            one(p.z);
            one(p.v);
            return p;
        }

        static Point fromAffine(int[] x, int[] y) {
            Point p = new Point();
            copy(x, 0, p.x, 0);
            copy(y, 0, p.y, 0);
            one(p.z);
            copy(x, 0, p.u, 0);
            copy(y, 0, p.v, 0);
            return p;
        }
    }

    /** (Y+X, Y−X, 2d·T, 2Z): a projective point prepared for addition. */
    private static final class Cached {
        final int[] ypx = create();
        final int[] ymx = create();
        final int[] xy2d = create();
        final int[] z2 = create();
    }

    /** ((y+x)/2, (y−x)/2, d·x·y): an affine point prepared for addition (halves save a doubling of Z). */
    private static final class AffineCached {
        final int[] ypxHalf = create();
        final int[] ymxHalf = create();
        final int[] xyd = create();
    }

    /**
     * Decodes a point whose encoding the caller has checked to be canonical (y &lt; p) into affine
     * coordinates, negated if asked.
     *
     * @return false if the encoding is not a point of the curve, or is (x = 0, sign bit set)
     */
    static boolean decodeVar(byte[] encoded, boolean negated, int[] x, int[] y) {
        int signBit = (encoded[Ed25519Encodings.LENGTH - 1] & 0x80) >>> 7;
        decode255(encoded, y);
        int[] u = create();
        int[] v = create();
        sqr(y, u);
        mul(D, u, v);
        subOne(u);
        addOne(v);
        if (!sqrtRatioVar(u, v, x)) {
            return false;
        }
        normalize(x);
        if (signBit == 1 && isZeroVar(x)) {
            return false;
        }
        if (negated ^ (signBit != (x[0] & 1))) {
            negate(x, x);
            normalize(x);
        }
        return true;
    }

    /**
     * Computes {@code [s]B + [k]P} for the affine point P and writes its canonical encoding to {@code out}.
     * Scalars are 32-byte little-endian values below 2^255.
     */
    static void doubleScalarMultBaseVar(byte[] s, byte[] k, int[] px, int[] py, byte[] out) {
        doubleScalarMultBaseVar(s, k, precompute(px, py), out);
    }

    /** The odd multiples of an affine point that {@link #doubleScalarMultBaseVar} uses; immutable, shareable. */
    static final class PointTable {
        private final Cached[] multiples;

        private PointTable(Cached[] multiples) {
            this.multiples = multiples;
        }
    }

    /** Precomputes the table of the affine point P, so that several multiplications by P can share it. */
    static PointTable precompute(int[] px, int[] py) {
        return new PointTable(oddMultiples(Point.fromAffine(px, py), 1 << (POINT_WINDOW - 2)));
    }

    /** {@code [s]B + [k]P} with P's precomputed table. */
    static void doubleScalarMultBaseVar(byte[] s, byte[] k, PointTable table, byte[] out) {
        byte[] sDigits = ScalarRecoding.signedWindow(s, BASE_WINDOW);
        byte[] kDigits = ScalarRecoding.signedWindow(k, POINT_WINDOW);
        Cached[] pTable = table.multiples;

        Point r = Point.neutral();
        int[] temp = create();
        int bit = ScalarRecoding.DIGITS - 1;
        while (bit >= 0 && sDigits[bit] == 0 && kDigits[bit] == 0) {
            --bit;
        }
        for (; bit >= 0; --bit) {
            pointDouble(r);
            int sd = sDigits[bit];
            if (sd != 0) {
                pointAddVar(sd < 0, BASE_TABLE[Math.abs(sd) >> 1], r, temp);
            }
            int kd = kDigits[bit];
            if (kd != 0) {
                pointAddVar(kd < 0, pTable[Math.abs(kd) >> 1], r, temp);
            }
        }
        encodePoint(r, out);
    }

    private static void encodePoint(Point p, byte[] out) {
        int[] zInverse = create();
        int[] x = create();
        int[] y = create();
        invVar(p.z, zInverse);
        mul(p.x, zInverse, x);
        mul(p.y, zInverse, y);
        normalize(x);
        normalize(y);
        encode(y, out, 0);
        out[Ed25519Encodings.LENGTH - 1] |= (byte) ((x[0] & 1) << 7);
    }

    private static Cached[] oddMultiples(Point p, int count) {
        Cached[] table = new Cached[count];
        Point twice = new Point();
        copyPoint(p, twice);
        pointDouble(twice);
        Cached twiceCached = toCached(twice);
        int[] temp = create();
        Point multiple = p;
        for (int i = 0; ; i++) {
            table[i] = toCached(multiple);
            if (i == count - 1) {
                return table;
            }
            pointAddVar(false, twiceCached, multiple, temp);
        }
    }

    private static Cached toCached(Point p) {
        Cached c = new Cached();
        apm(p.y, p.x, c.ypx, c.ymx);
        mul(p.u, p.v, c.xy2d);
        mul(c.xy2d, D2, c.xy2d);
        add(p.z, p.z, c.z2);
        return c;
    }

    private static void copyPoint(Point from, Point to) {
        copy(from.x, 0, to.x, 0);
        copy(from.y, 0, to.y, 0);
        copy(from.z, 0, to.z, 0);
        copy(from.u, 0, to.u, 0);
        copy(from.v, 0, to.v, 0);
    }

    /** dbl-2008-hwcd for a = −1; the same sequence as Bouncy Castle's {@code pointDouble}. */
    private static void pointDouble(Point r) {
        int[] a = r.x;
        int[] b = r.y;
        int[] c = r.z;
        int[] e = r.u;
        int[] f = a;
        int[] g = b;
        int[] h = r.v;

        add(r.x, r.y, e);
        sqr(r.x, a);
        sqr(r.y, b);
        sqr(r.z, c);
        add(c, c, c);
        apm(a, b, h, g);
        sqr(e, e);
        sub(h, e, e);
        add(c, g, f);
        carry(f);
        mul(f, g, r.z);
        mul(f, e, r.x);
        mul(g, h, r.y);
    }

    /** add-2008-hwcd-3 of r and ±q (projective q); the same sequence as Bouncy Castle's {@code pointAddVar}. */
    private static void pointAddVar(boolean negateQ, Cached q, Point r, int[] temp) {
        int[] a = r.x;
        int[] b = r.y;
        int[] c = temp;
        int[] d = r.z;
        int[] e = r.u;
        int[] h = r.v;
        int[] na = negateQ ? b : a;
        int[] nb = negateQ ? a : b;

        apm(r.y, r.x, b, a);
        mul(na, q.ymx, na);
        mul(nb, q.ypx, nb);
        mul(r.u, r.v, c);
        mul(c, q.xy2d, c);
        mul(r.z, q.z2, d);
        apm(b, a, h, e);
        apm(d, c, nb, na);
        mul(a, b, r.z);
        mul(a, e, r.x);
        mul(b, h, r.y);
    }

    /** Mixed addition of r and ±q (affine q, stored halved so that Z needs no doubling). */
    private static void pointAddVar(boolean negateQ, AffineCached q, Point r, int[] temp) {
        int[] a = r.x;
        int[] b = r.y;
        int[] c = temp;
        int[] e = r.u;
        int[] h = r.v;
        int[] na = negateQ ? b : a;
        int[] nb = negateQ ? a : b;

        apm(r.y, r.x, b, a);
        mul(na, q.ymxHalf, na);
        mul(nb, q.ypxHalf, nb);
        mul(r.u, r.v, c);
        mul(c, q.xyd, c);
        apm(b, a, h, e);
        apm(r.z, c, nb, na);
        mul(a, b, r.z);
        mul(a, e, r.x);
        mul(b, h, r.y);
    }

    private static AffineCached[] baseTable() {
        int[] bx = create();
        int[] by = create();
        if (!decodeVar(BASE_POINT, false, bx, by)) {
            throw new IllegalStateException("edwards25519 base point does not decode");
        }
        Cached[] projective = oddMultiples(Point.fromAffine(bx, by), 1 << (BASE_WINDOW - 2));
        AffineCached[] table = new AffineCached[projective.length];
        int[] x = create();
        int[] y = create();
        int[] zInverse = create();
        for (int i = 0; i < projective.length; i++) {
            Cached c = projective[i];
            // Back from (Y+X, Y−X, 2dT, 2Z) to affine x and y: x = ((Y+X) − (Y−X)) / 2Z, y = ((Y+X) + (Y−X)) / 2Z.
            invVar(c.z2, zInverse);
            apm(c.ypx, c.ymx, y, x);
            mul(x, zInverse, x);
            mul(y, zInverse, y);
            AffineCached entry = new AffineCached();
            apm(y, x, entry.ypxHalf, entry.ymxHalf);
            mul(entry.ypxHalf, ONE_HALF, entry.ypxHalf);
            mul(entry.ymxHalf, ONE_HALF, entry.ymxHalf);
            mul(x, y, entry.xyd);
            mul(entry.xyd, D, entry.xyd);
            normalize(entry.ypxHalf);
            normalize(entry.ymxHalf);
            normalize(entry.xyd);
            table[i] = entry;
        }
        return table;
    }

    private static int[] fieldElement(String littleEndianHex) {
        int[] element = create();
        zero(element);
        decode255(HEX.parseHex(littleEndianHex), element);
        return element;
    }
}
