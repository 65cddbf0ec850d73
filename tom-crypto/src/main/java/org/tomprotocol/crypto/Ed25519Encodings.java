package org.tomprotocol.crypto;

import java.util.HexFormat;

/**
 * Byte-level facts about 32-byte edwards25519 point encodings: canonical form and the small-order points.
 *
 * <p>The eight points of small order have y ∈ {0, 1, −1, y₈, −y₈}, so a canonical encoding is of small order
 * exactly when its y (the encoding without the sign bit) is one of these five values.
 */
final class Ed25519Encodings {
    static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[][] SMALL_ORDER_Y = {
        HEX.parseHex("0000000000000000000000000000000000000000000000000000000000000000"),
        HEX.parseHex("0100000000000000000000000000000000000000000000000000000000000000"),
        HEX.parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        HEX.parseHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
        HEX.parseHex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
    };

    private Ed25519Encodings() {
    }

    /** Whether the y coordinate (the sign bit ignored) is below p = 2^255 − 19. */
    static boolean isCanonicalY(byte[] encoded, int offset) {
        if ((encoded[offset + LENGTH - 1] & 0x7f) != 0x7f) {
            return true;
        }
        for (int i = LENGTH - 2; i > 0; i--) {
            if ((encoded[offset + i] & 0xff) != 0xff) {
                return true;
            }
        }
        return (encoded[offset] & 0xff) < 0xed;
    }

    /** Whether a canonical encoding is one of the eight points of small order (either sign bit). */
    static boolean isSmallOrder(byte[] encoded, int offset) {
        for (byte[] y : SMALL_ORDER_Y) {
            if (equalsIgnoringSignBit(encoded, offset, y)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsIgnoringSignBit(byte[] encoded, int offset, byte[] y) {
        for (int i = 0; i < LENGTH - 1; i++) {
            if (encoded[offset + i] != y[i]) {
                return false;
            }
        }
        return (encoded[offset + LENGTH - 1] & 0x7f) == y[LENGTH - 1];
    }
}
