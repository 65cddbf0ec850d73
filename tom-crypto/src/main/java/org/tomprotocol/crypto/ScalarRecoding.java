package org.tomprotocol.crypto;

/**
 * Recodes a scalar into signed odd digits for sliding-window multiplication (the {@code slide} step of the
 * ref10 Ed25519 code, generalised to any window width).
 */
final class ScalarRecoding {
    /** Number of digit positions produced: one per bit of a 32-byte scalar. */
    static final int DIGITS = 256;

    private ScalarRecoding() {
    }

    /**
     * Returns digits d[i], each 0 or odd with |d[i]| &lt; 2^(width−1), such that the scalar equals
     * Σ d[i]·2^i. The scalar is 32 bytes little-endian and must be below 2^255 so that carries fit.
     */
    static byte[] signedWindow(byte[] scalar, int width) {
        int limit = (1 << (width - 1)) - 1;
        int[] digits = new int[DIGITS];
        for (int i = 0; i < DIGITS; i++) {
            digits[i] = 1 & (scalar[i >> 3] >> (i & 7));
        }
        for (int i = 0; i < DIGITS; i++) {
            if (digits[i] == 0) {
                continue;
            }
            for (int b = 1; b <= width + 1 && i + b < DIGITS; b++) {
                if (digits[i + b] == 0) {
                    continue;
                }
                int shifted = digits[i + b] << b;
                if (digits[i] + shifted <= limit) {
                    digits[i] += shifted;
                    digits[i + b] = 0;
                } else if (digits[i] - shifted >= -limit) {
                    digits[i] -= shifted;
                    propagateCarry(digits, i + b);
                } else {
                    break;
                }
            }
        }
        byte[] out = new byte[DIGITS];
        for (int i = 0; i < DIGITS; i++) {
            out[i] = (byte) digits[i];
        }
        return out;
    }

    private static void propagateCarry(int[] digits, int from) {
        for (int k = from; k < DIGITS; k++) {
            if (digits[k] == 0) {
                digits[k] = 1;
                return;
            }
            digits[k] = 0;
        }
        throw new IllegalArgumentException("scalar must be below 2^255");
    }
}
