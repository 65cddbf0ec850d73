package org.tomprotocol.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF with HMAC-SHA-256 (RFC 5869), on Bouncy Castle. */
final class HkdfSha256 {
    /** RFC 5869 caps the output at 255 hash blocks. */
    static final int MAX_OUTPUT_LENGTH = 255 * 32;

    private HkdfSha256() {
    }

    /**
     * Extract-then-expand.
     *
     * @param salt   the salt; null or empty means HashLen zero bytes, as RFC 5869 specifies
     * @param length the output length in bytes, at most {@value #MAX_OUTPUT_LENGTH}
     */
    static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        if (length < 0 || length > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException(
                    "HKDF-SHA256 output is 0 to " + MAX_OUTPUT_LENGTH + " bytes, asked for " + length);
        }
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt == null || salt.length == 0 ? null : salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }
}
