package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;

/**
 * Every vector of Wycheproof's x25519_test.json.
 *
 * <ul>
 *   <li>Raw X25519 must give the expected shared secret for <em>every</em> vector, "valid" and "acceptable"
 *       alike: the acceptable ones (twist points, non-canonical u ≥ p, u with the top bit set, low-order
 *       points) are all defined by RFC 7748, which says to mask the top bit and reduce mod p.</li>
 *   <li>Treated specially: vectors whose expected shared secret is all zeros (flag ZeroSharedSecret, public key
 *       of low order). tom-v1 deliberately deviates from Gen-2 and refuses them: the key agreement used by
 *       seal/open throws, and so does opening a payload whose ephemeral key is that public key. Every other
 *       vector's shared secret is accepted by the same key agreement.</li>
 * </ul>
 */
class WycheproofX25519Test {
    private static final String FILE = "x25519_test.json";

    private final TomV1Suite suite = new TomV1Suite();
    private final LocalIdentity recipient = suite.generateIdentity();

    @TestFactory
    Stream<DynamicNode> everyVector(TestReporter reporter) throws IOException {
        return WycheproofFile.load(FILE).dynamicTests(reporter, v -> {
            assertThat(v.result()).as("result kind").isIn("valid", "acceptable");
            byte[] secret = v.hex("private");
            byte[] publicKey = v.hex("public");
            byte[] expected = v.hex("shared");

            assertThat(X25519KeyAgreement.rawSharedSecret(secret, publicKey)).as(v.describe()).isEqualTo(expected);

            if (isAllZero(expected)) {
                assertThatThrownBy(() -> X25519KeyAgreement.sharedSecret(secret, publicKey))
                        .isInstanceOf(CryptoException.class).hasMessageContaining("low order");
                assertThatThrownBy(() -> E2eSealer.messageKey(secret, publicKey)).isInstanceOf(CryptoException.class);
                SealedPayload sealed = new SealedPayload(new byte[32], new byte[24], publicKey);
                assertThatThrownBy(() -> suite.open(recipient, sealed))
                        .isInstanceOf(CryptoException.class).hasMessage("decryption failed");
            } else {
                assertThat(X25519KeyAgreement.sharedSecret(secret, publicKey)).isEqualTo(expected);
                assertThat(E2eSealer.messageKey(secret, publicKey)).hasSize(32);
            }
        });
    }

    @Test
    void theFileHasZeroSharedSecretVectorsAndTheyAreExactlyTheFlaggedOnes() throws IOException {
        long zero = WycheproofFile.load(FILE).vectors().stream().filter(v -> isAllZero(v.hex("shared"))).count();
        long flagged = WycheproofFile.load(FILE).vectors().stream().filter(v -> v.hasFlag("ZeroSharedSecret")).count();
        assertThat(zero).isPositive().isEqualTo(flagged);
    }

    private static boolean isAllZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
