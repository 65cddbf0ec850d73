package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

class SymmetricEncryptionTest {
    private static final byte[] PLAINTEXT = "group message".getBytes(StandardCharsets.UTF_8);

    private final TomV1Suite suite = new TomV1Suite();

    @Test
    void newKeysAreRandom32ByteKeys() {
        byte[] first = suite.newSymmetricKey();
        assertThat(first).hasSize(32).isNotEqualTo(suite.newSymmetricKey());
    }

    @Test
    void encryptThenDecryptGivesThePlaintextUnderAFreshNonce() throws CryptoException {
        byte[] key = suite.newSymmetricKey();
        SymmetricCiphertext first = suite.encrypt(key, PLAINTEXT);
        SymmetricCiphertext second = suite.encrypt(key, PLAINTEXT);
        assertThat(first.nonce()).hasSize(24).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).hasSize(PLAINTEXT.length + 16);
        assertThat(suite.decrypt(key, first)).isEqualTo(PLAINTEXT);
        assertThat(suite.decrypt(key, second)).isEqualTo(PLAINTEXT);
    }

    @Test
    void aWrongKeyOrAnyTamperingFails() throws CryptoException {
        byte[] key = suite.newSymmetricKey();
        SymmetricCiphertext sealed = suite.encrypt(key, PLAINTEXT);
        SymmetricCiphertext[] bad = {
            new SymmetricCiphertext(SealTest.flipBit(sealed.ciphertext(), 3), sealed.nonce()),
            new SymmetricCiphertext(sealed.ciphertext(), SealTest.flipBit(sealed.nonce(), 190)),
            new SymmetricCiphertext(new byte[15], sealed.nonce()),
        };
        for (SymmetricCiphertext ciphertext : bad) {
            assertThatThrownBy(() -> suite.decrypt(key, ciphertext))
                    .isInstanceOf(CryptoException.class).hasMessage("decryption failed");
        }
        assertThatThrownBy(() -> suite.decrypt(suite.newSymmetricKey(), sealed))
                .isInstanceOf(CryptoException.class).hasMessage("decryption failed");
    }

    @Test
    void keysOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> suite.encrypt(new byte[16], PLAINTEXT))
                .isInstanceOf(CryptoException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> suite.decrypt(new byte[16], new SymmetricCiphertext(new byte[32], new byte[24])))
                .isInstanceOf(CryptoException.class);
    }
}
