package org.tomprotocol.crypto.sodium;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Optional;

/**
 * The 32-byte seed inside a JCA Ed25519 private key's PKCS#8 encoding (RFC 8410): the key is an OCTET STRING
 * wrapped in the PrivateKey OCTET STRING, {@code 04 22 04 20 <seed>}, after the algorithm identifier 1.3.101.112.
 */
final class Pkcs8Ed25519 {
    private static final byte[] ALGORITHM = {0x06, 0x03, 0x2b, 0x65, 0x70};
    private static final byte[] SEED_PREFIX = {0x04, 0x22, 0x04, 0x20};
    private static final int SEED_LENGTH = 32;

    private Pkcs8Ed25519() {
    }

    /** The seed (a fresh array the caller wipes), or empty if the key is not an encodable Ed25519 key. */
    static Optional<byte[]> seedOf(PrivateKey key) {
        byte[] encoded = key == null ? null : key.getEncoded();
        if (encoded == null || indexOf(encoded, ALGORITHM, 0) < 0) {
            return Optional.empty();
        }
        try {
            int prefix = indexOf(encoded, SEED_PREFIX, 0);
            if (prefix < 0 || prefix + SEED_PREFIX.length + SEED_LENGTH > encoded.length) {
                return Optional.empty();
            }
            int start = prefix + SEED_PREFIX.length;
            return Optional.of(Arrays.copyOfRange(encoded, start, start + SEED_LENGTH));
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i + pattern.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }
}
