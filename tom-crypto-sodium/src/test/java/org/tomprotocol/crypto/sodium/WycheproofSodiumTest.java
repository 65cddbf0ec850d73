package org.tomprotocol.crypto.sodium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * Wycheproof's Ed25519 and XChaCha20-Poly1305 vectors through the libsodium suite's API (the X25519 and HKDF
 * vectors reach it only inside sealing: the differential test and the TCK's wire vectors cover those). Ed25519:
 * "valid" verifies and "invalid" does not. AEAD: every vector with no associated data (the suite uses none)
 * decrypts to its message when valid and fails with a CryptoException when not.
 */
class WycheproofSodiumTest {
    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicTest> everyEd25519VectorVerifiesAsWycheproofSays() throws IOException {
        return vectors("ed25519_test.json").stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            NodeId signer = NodeId.of(HEX.parseHex(v.group().get("publicKey").get("pk").asText()));
            boolean verified = Suites.SODIUM.verify(signer, hex(v, "msg"), hex(v, "sig"));
            assertThat(verified).as(v.name()).isEqualTo(v.valid());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyXChaCha20Poly1305VectorWithoutAssociatedDataDecryptsAsWycheproofSays()
            throws IOException {
        return vectors("xchacha20_poly1305_test.json").stream()
                .filter(v -> v.test().get("aad").asText().isEmpty())
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> {
                    byte[] key = hex(v, "key");
                    SymmetricCiphertext sealed = new SymmetricCiphertext(
                            concat(hex(v, "ct"), hex(v, "tag")), hex(v, "iv"));
                    if (v.valid()) {
                        assertThat(Suites.SODIUM.decrypt(key, sealed)).as(v.name()).isEqualTo(hex(v, "msg"));
                    } else {
                        assertThatThrownBy(() -> Suites.SODIUM.decrypt(key, sealed)).as(v.name())
                                .isInstanceOf(CryptoException.class);
                    }
                }));
    }

    record Vector(String name, JsonNode group, JsonNode test) {
        boolean valid() {
            String result = test.get("result").asText();
            assertThat(result).as(name + " result kind").isIn("valid", "invalid");
            return result.equals("valid");
        }
    }

    private static List<Vector> vectors(String file) throws IOException {
        try (InputStream in = WycheproofSodiumTest.class.getResourceAsStream("/wycheproof/" + file)) {
            assertThat(in).as(file).isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            List<Vector> result = new ArrayList<>();
            for (JsonNode group : root.get("testGroups")) {
                for (JsonNode test : group.get("tests")) {
                    result.add(new Vector("tcId " + test.get("tcId").asInt() + " " + test.get("comment").asText()
                            + " " + test.get("flags"), group, test));
                }
            }
            assertThat(result).as(file).hasSize(root.get("numberOfTests").asInt());
            return result;
        }
    }

    private static byte[] hex(Vector v, String field) {
        return HEX.parseHex(v.test().get(field).asText());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
