package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of sealing, for arbitrary payloads and arbitrary single-bit corruption. */
class SealPropertiesTest {
    private final TomV1Suite suite = new TomV1Suite();
    private final LocalIdentity recipient = suite.identityFromSeed(new byte[32]);

    @Property(tries = 300)
    void openReversesSeal(@ForAll("payloads") byte[] plaintext) throws CryptoException {
        assertThat(suite.open(recipient, suite.seal(recipient.id(), plaintext))).isEqualTo(plaintext);
    }

    @Property(tries = 300)
    void anySingleBitFlipMakesOpenFail(@ForAll("payloads") byte[] plaintext, @ForAll @IntRange(min = 0) int position)
            throws CryptoException {
        SealedPayload sealed = suite.seal(recipient.id(), plaintext);
        int ciphertextBits = sealed.ciphertext().length * 8;
        int totalBits = ciphertextBits + 24 * 8 + 32 * 8;
        int bit = position % totalBits;
        SealedPayload corrupted;
        if (bit < ciphertextBits) {
            corrupted = new SealedPayload(SealTest.flipBit(sealed.ciphertext(), bit), sealed.nonce(),
                    sealed.ephemeralPublicKey());
        } else if (bit < ciphertextBits + 24 * 8) {
            corrupted = new SealedPayload(sealed.ciphertext(), SealTest.flipBit(sealed.nonce(), bit - ciphertextBits),
                    sealed.ephemeralPublicKey());
        } else {
            corrupted = new SealedPayload(sealed.ciphertext(), sealed.nonce(),
                    SealTest.flipBit(sealed.ephemeralPublicKey(), bit - ciphertextBits - 24 * 8));
        }
        // Flipping the top bit of the ephemeral key is the one change X25519 ignores (RFC 7748 masks it), so the
        // payload still opens: the ciphertext is authentic. Every other flip must fail.
        if (bit == totalBits - 1) {
            assertThat(suite.open(recipient, corrupted)).isEqualTo(plaintext);
        } else {
            assertThatThrownBy(() -> suite.open(recipient, corrupted))
                    .isInstanceOf(CryptoException.class).hasMessage("decryption failed");
        }
    }

    @Property(tries = 200)
    void symmetricDecryptReversesEncrypt(@ForAll @Size(32) byte[] key, @ForAll("payloads") byte[] plaintext)
            throws CryptoException {
        assertThat(suite.decrypt(key, suite.encrypt(key, plaintext))).isEqualTo(plaintext);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
    }
}
