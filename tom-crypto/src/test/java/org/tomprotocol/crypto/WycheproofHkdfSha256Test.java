package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;

/**
 * Every vector of Wycheproof's hkdf_sha256_test.json: valid ones must give the expected output; the invalid
 * ones ask for more than 255 · 32 bytes and must be refused. For empty salts (flag EmptySalt) a null salt must
 * give the same output, since the seal uses "no salt" = HashLen zero bytes (RFC 5869).
 */
class WycheproofHkdfSha256Test {

    @TestFactory
    Stream<DynamicNode> everyVector(TestReporter reporter) throws IOException {
        return WycheproofFile.load("hkdf_sha256_test.json").dynamicTests(reporter, v -> {
            assertThat(v.result()).as("result kind").isIn("valid", "invalid");
            byte[] ikm = v.hex("ikm");
            byte[] salt = v.hex("salt");
            byte[] info = v.hex("info");
            int size = v.test().get("size").asInt();
            if (v.result().equals("valid")) {
                byte[] okm = v.hex("okm");
                assertThat(HkdfSha256.derive(salt, ikm, info, size)).isEqualTo(okm);
                if (salt.length == 0) {
                    assertThat(HkdfSha256.derive(null, ikm, info, size)).isEqualTo(okm);
                    assertThat(HkdfSha256.derive(new byte[32], ikm, info, size)).isEqualTo(okm);
                }
            } else {
                assertThatThrownBy(() -> HkdfSha256.derive(salt, ikm, info, size))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
    }
}
