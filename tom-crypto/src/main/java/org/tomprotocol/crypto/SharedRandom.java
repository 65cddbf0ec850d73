package org.tomprotocol.crypto;

import java.security.SecureRandom;

/**
 * The one {@link SecureRandom} of the suite. SecureRandom is thread-safe, seeding one is costly, and the
 * random bytes are a small part of a seal, so a single instance is shared rather than one per call.
 */
final class SharedRandom {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SharedRandom() {
    }

    /** {@code length} fresh random bytes. */
    static byte[] bytes(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }
}
