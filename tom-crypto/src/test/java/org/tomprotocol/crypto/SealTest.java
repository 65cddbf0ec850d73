package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;

import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.subtle.X25519;
import com.google.crypto.tink.subtle.XChaCha20Poly1305;

class SealTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PLAINTEXT = "hello over ToM".getBytes(StandardCharsets.UTF_8);
    /** X25519 public keys of low order: 0, 1, the order-8 points, and p − 1, p, p + 1 (non-canonical 0 and 1). */
    private static final String[] LOW_ORDER_X25519 = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    };

    private final TomV1Suite suite = new TomV1Suite();
    private final LocalIdentity recipient = suite.generateIdentity();

    @Test
    void sealThenOpenGivesThePlaintextBack() throws CryptoException {
        for (byte[] plaintext : new byte[][] {PLAINTEXT, new byte[0], new byte[65536]}) {
            SealedPayload sealed = suite.seal(recipient.id(), plaintext);
            assertThat(sealed.nonce()).hasSize(24);
            assertThat(sealed.ephemeralPublicKey()).hasSize(32);
            assertThat(sealed.ciphertext()).hasSize(plaintext.length + 16);
            assertThat(suite.open(recipient, sealed)).isEqualTo(plaintext);
        }
    }

    @Test
    void everySealUsesAFreshEphemeralKeyAndNonce() throws CryptoException {
        SealedPayload first = suite.seal(recipient.id(), PLAINTEXT);
        SealedPayload second = suite.seal(recipient.id(), PLAINTEXT);
        assertThat(first.ephemeralPublicKey()).isNotEqualTo(second.ephemeralPublicKey());
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void deterministicSealMatchesTheConstructionBuiltFromTink() throws Exception {
        byte[] seed = HEX.parseHex("0101010101010101010101010101010101010101010101010101010101010101");
        byte[] ephemeralSecret = HEX.parseHex("0202020202020202020202020202020202020202020202020202020202020202");
        byte[] nonce = HEX.parseHex("030303030303030303030303030303030303030303030303");
        NodeId to = suite.identityFromSeed(seed).id();

        SealedPayload sealed = suite.sealDeterministic(to, PLAINTEXT, ephemeralSecret, nonce);

        // Independent recomputation: BigInteger Edwards→Montgomery map, Tink X25519, HKDF and XChaCha20-Poly1305.
        byte[] recipientX = ReferenceEd25519.toLittleEndian(ReferenceEd25519.decode(to.toBytes()).montgomeryU());
        byte[] shared = X25519.computeSharedSecret(ephemeralSecret, recipientX);
        byte[] key = Hkdf.computeHkdf("HMACSHA256", shared, new byte[0],
                "tom-protocol-e2e-xchacha20poly1305-v1".getBytes(StandardCharsets.US_ASCII), 32);
        byte[] tinkLayout = Arrays.copyOf(nonce, 24 + sealed.ciphertext().length);
        System.arraycopy(sealed.ciphertext(), 0, tinkLayout, 24, sealed.ciphertext().length);

        assertThat(sealed.ephemeralPublicKey()).isEqualTo(X25519.publicFromPrivate(ephemeralSecret));
        assertThat(sealed.nonce()).isEqualTo(nonce).isNotSameAs(nonce);
        assertThat(new XChaCha20Poly1305(key).decrypt(tinkLayout, new byte[0])).isEqualTo(PLAINTEXT);
        assertThat(suite.sealDeterministic(to, PLAINTEXT, ephemeralSecret, nonce).ciphertext())
                .isEqualTo(sealed.ciphertext());
        assertThat(suite.open(suite.identityFromSeed(seed), sealed)).isEqualTo(PLAINTEXT);
    }

    @Test
    void tamperingWithAnyPartMakesOpenFailWithoutDetails() throws CryptoException {
        SealedPayload sealed = suite.seal(recipient.id(), PLAINTEXT);
        SealedPayload[] tampered = {
            new SealedPayload(flipBit(sealed.ciphertext(), 0), sealed.nonce(), sealed.ephemeralPublicKey()),
            new SealedPayload(flipBit(sealed.ciphertext(), sealed.ciphertext().length * 8 - 1), sealed.nonce(),
                    sealed.ephemeralPublicKey()),
            new SealedPayload(sealed.ciphertext(), flipBit(sealed.nonce(), 77), sealed.ephemeralPublicKey()),
            new SealedPayload(sealed.ciphertext(), sealed.nonce(), flipBit(sealed.ephemeralPublicKey(), 9)),
            new SealedPayload(Arrays.copyOf(sealed.ciphertext(), 15), sealed.nonce(), sealed.ephemeralPublicKey()),
            new SealedPayload(sealed.ciphertext(), Arrays.copyOf(sealed.nonce(), 12), sealed.ephemeralPublicKey()),
            new SealedPayload(sealed.ciphertext(), sealed.nonce(), Arrays.copyOf(sealed.ephemeralPublicKey(), 31)),
        };
        for (SealedPayload payload : tampered) {
            assertThatThrownBy(() -> suite.open(recipient, payload))
                    .isInstanceOf(CryptoException.class).hasMessage("decryption failed").hasNoCause();
        }
    }

    @Test
    void anotherIdentityCannotOpen() throws CryptoException {
        SealedPayload sealed = suite.seal(recipient.id(), PLAINTEXT);
        assertThatThrownBy(() -> suite.open(suite.generateIdentity(), sealed))
                .isInstanceOf(CryptoException.class).hasMessage("decryption failed");
    }

    @Test
    void sealingToASmallOrderOrInvalidNodeIdIsRefused() {
        for (ReferenceEd25519.Point point : ReferenceEd25519.smallOrderPoints()) {
            NodeId lowOrder = NodeId.of(point.encode());
            assertThatThrownBy(() -> suite.seal(lowOrder, PLAINTEXT)).isInstanceOf(CryptoException.class);
            assertThatThrownBy(() -> suite.x25519PublicKey(lowOrder)).isInstanceOf(CryptoException.class);
        }
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2; // y = 2 is not on edwards25519
        assertThat(ReferenceEd25519.decode(notAPoint)).isNull();
        assertThatThrownBy(() -> suite.seal(NodeId.of(notAPoint), PLAINTEXT)).isInstanceOf(CryptoException.class);
    }

    @Test
    void aLowOrderEphemeralKeyIsRefusedBeforeDecryption() {
        byte[] secret = suite.x25519SecretFromSeed(new byte[32]);
        for (String hex : LOW_ORDER_X25519) {
            byte[] lowOrder = HEX.parseHex(hex);
            assertThat(X25519KeyAgreement.rawSharedSecret(secret, lowOrder)).as(hex).containsOnly(0);
            assertThatThrownBy(() -> E2eSealer.messageKey(secret, lowOrder))
                    .as(hex).isInstanceOf(CryptoException.class).hasMessageContaining("low order");
            SealedPayload sealed = new SealedPayload(new byte[32], new byte[24], lowOrder);
            assertThatThrownBy(() -> suite.open(recipient, sealed))
                    .isInstanceOf(CryptoException.class).hasMessage("decryption failed");
        }
    }

    @Test
    void openingNeedsAnIdentityOfThisSuite() throws CryptoException {
        SealedPayload sealed = suite.seal(recipient.id(), PLAINTEXT);
        LocalIdentity foreign = new LocalIdentity() {
            @Override
            public NodeId id() {
                return recipient.id();
            }

            @Override
            public byte[] sign(byte[] message) {
                return recipient.sign(message);
            }

            @Override
            public PrivateKey privateKey() {
                return recipient.privateKey();
            }

            @Override
            public PublicKey publicKey() {
                return recipient.publicKey();
            }
        };
        assertThatThrownBy(() -> suite.open(foreign, sealed))
                .isInstanceOf(CryptoException.class).hasMessageContaining("tom-v1");
    }

    @Test
    void deterministicSealChecksItsArguments() {
        assertThatThrownBy(() -> suite.sealDeterministic(recipient.id(), PLAINTEXT, new byte[31], new byte[24]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> suite.sealDeterministic(recipient.id(), PLAINTEXT, new byte[32], new byte[12]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24 bytes");
    }

    static byte[] flipBit(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
