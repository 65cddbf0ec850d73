package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.stream.Stream;

import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * Every vector of Wycheproof's xchacha20_poly1305_test.json through our AEAD (with the vector's associated
 * data: ToM uses none, but the primitive must be right). Valid vectors must encrypt to ct ‖ tag and decrypt
 * back; invalid ones (modified tags, nonces that are not 24 bytes) must be refused. Vectors without associated
 * data also go through the suite's public {@link TomV1Suite#decrypt}.
 */
class WycheproofXChaCha20Poly1305Test {
    private final TomV1Suite suite = new TomV1Suite();

    @TestFactory
    Stream<DynamicNode> everyVector(TestReporter reporter) throws IOException {
        return WycheproofFile.load("xchacha20_poly1305_test.json").dynamicTests(reporter, v -> {
            assertThat(v.result()).as("result kind").isIn("valid", "invalid");
            byte[] key = v.hex("key");
            byte[] nonce = v.hex("iv");
            byte[] aad = v.hex("aad");
            byte[] message = v.hex("msg");
            byte[] sealed = Arrays.concatenate(v.hex("ct"), v.hex("tag"));
            boolean noAad = aad.length == 0;

            if (v.result().equals("valid")) {
                assertThat(XChaCha20Poly1305Aead.encrypt(key, nonce, message, aad)).isEqualTo(sealed);
                assertThat(XChaCha20Poly1305Aead.decrypt(key, nonce, sealed, aad)).isEqualTo(message);
                if (noAad) {
                    assertThat(suite.decrypt(key, new SymmetricCiphertext(sealed, nonce))).isEqualTo(message);
                }
            } else {
                if (nonce.length != XChaCha20Poly1305Aead.NONCE_LENGTH) {
                    assertThatThrownBy(() -> XChaCha20Poly1305Aead.encrypt(key, nonce, message, aad))
                            .isInstanceOf(IllegalArgumentException.class);
                }
                assertThatThrownBy(() -> XChaCha20Poly1305Aead.decrypt(key, nonce, sealed, aad))
                        .isInstanceOf(CryptoException.class).hasMessage("decryption failed");
                if (noAad) {
                    assertThatThrownBy(() -> suite.decrypt(key, new SymmetricCiphertext(sealed, nonce)))
                            .isInstanceOf(CryptoException.class);
                }
            }
        });
    }
}
