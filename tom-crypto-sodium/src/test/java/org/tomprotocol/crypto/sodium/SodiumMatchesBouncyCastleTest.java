package org.tomprotocol.crypto.sodium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * Differential test: the libsodium suite and the Bouncy Castle suite give the same answers — the same identities and
 * signature bytes, the same verdicts on honest, altered and hostile signatures (non-canonical S, small-order R or key,
 * keys with a torsion component), and each opens what the other sealed or encrypted.
 */
class SodiumMatchesBouncyCastleTest {
    private static final CryptoSuite BC = Suites.BOUNCY_CASTLE;
    private static final CryptoSuite SODIUM = Suites.SODIUM;
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger L = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    /** Encodings of the points of small order, canonical and not (libsodium's blocklist and more). */
    private static final List<String> SMALL_ORDER = List.of(
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
            "0100000000000000000000000000000000000000000000000000000000000080",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

    @Property(tries = 300)
    void bothSuitesDeriveTheSameIdentityAndSignatureBytes(@ForAll @Size(32) byte[] seed,
            @ForAll @Size(max = 600) byte[] message) {
        LocalIdentity sodium = SODIUM.identityFromSeed(seed);
        LocalIdentity bouncyCastle = BC.identityFromSeed(seed);
        assertThat(sodium.id()).isEqualTo(bouncyCastle.id());
        byte[] signature = sodium.sign(message);
        assertThat(signature).isEqualTo(bouncyCastle.sign(message));
        assertThat(SODIUM.verify(sodium.id(), message, signature)).isTrue();
        assertThat(sodium.publicKey().getEncoded()).isEqualTo(bouncyCastle.publicKey().getEncoded());
        assertThat(sodium.privateKey().getEncoded()).isEqualTo(bouncyCastle.privateKey().getEncoded());
    }

    @Property(tries = 500)
    void bothSuitesGiveTheSameVerdictOnAlteredSignaturesAndMessages(@ForAll @Size(32) byte[] seed,
            @ForAll @Size(min = 1, max = 200) byte[] message, @ForAll @IntRange(min = 0) int position) {
        LocalIdentity identity = BC.identityFromSeed(seed);
        byte[] signature = identity.sign(message);
        int bit = position % ((64 + message.length) * 8);
        byte[] alteredSignature = signature.clone();
        byte[] alteredMessage = message.clone();
        if (bit < 512) {
            alteredSignature[bit / 8] ^= (byte) (1 << (bit % 8));
        } else {
            alteredMessage[(bit - 512) / 8] ^= (byte) (1 << (bit % 8));
        }
        assertSameVerdict(identity.id(), alteredMessage, alteredSignature);
    }

    @Test
    void bothSuitesRejectNonCanonicalScalarsAndSmallOrderPointsAlike() {
        LocalIdentity identity = BC.identityFromSeed(new byte[32]);
        byte[] message = "hostile".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = identity.sign(message);
        assertSameVerdict(identity.id(), message, withScalar(signature, scalarOf(signature).add(L)));
        for (String point : SMALL_ORDER) {
            byte[] smallOrderR = signature.clone();
            System.arraycopy(HEX.parseHex(point), 0, smallOrderR, 0, 32);
            assertSameVerdict(identity.id(), message, smallOrderR);
            NodeId smallOrderKey = NodeId.of(HEX.parseHex(point));
            assertThat(SODIUM.isValidPublicKey(smallOrderKey)).as(point).isFalse();
            assertSameVerdict(smallOrderKey, message, signature);
            assertThat(SODIUM.verify(smallOrderKey, message, withScalar(signature, BigInteger.ZERO))).isFalse();
        }
    }

    @Test
    void bothSuitesTreatKeysWithATorsionComponentAlike() throws CryptoException {
        int verified = 0;
        int checked = 0;
        for (int i = 0; i < 40; i++) {
            byte[] seed = new byte[32];
            new SplittableRandom(i).nextBytes(seed);
            byte[] publicKey = BC.identityFromSeed(seed).id().toBytes();
            for (String torsion : SMALL_ORDER.subList(1, 8)) {
                byte[] mixed = ReferenceEdwards.add(publicKey, HEX.parseHex(torsion));
                NodeId mixedKey = NodeId.of(mixed);
                assertThat(SODIUM.isValidPublicKey(mixedKey)).isEqualTo(BC.isValidPublicKey(mixedKey));
                byte[] message = ("message " + i + torsion).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] signature = ReferenceEdwards.sign(seed, mixed, message);
                boolean sodiumVerdict = assertSameVerdict(mixedKey, message, signature);
                verified += sodiumVerdict ? 1 : 0;
                checked++;
                if (BC.isValidPublicKey(mixedKey)) {
                    SealedPayload sealed = SODIUM.seal(mixedKey, message);
                    assertThat(sealed.ephemeralPublicKey()).hasSize(32);
                }
            }
        }
        // a signature under A + T verifies when the challenge kills T: some must, most must not
        assertThat(verified).as("verified of " + checked).isBetween(1, checked - 1);
    }

    @Property(tries = 200)
    void eachSuiteOpensWhatTheOtherSealed(@ForAll @Size(32) byte[] seed, @ForAll @Size(max = 2_000) byte[] plaintext)
            throws CryptoException {
        LocalIdentity sodiumRecipient = SODIUM.identityFromSeed(seed);
        LocalIdentity bcRecipient = BC.identityFromSeed(seed);
        assertThat(SODIUM.open(sodiumRecipient, BC.seal(bcRecipient.id(), plaintext))).isEqualTo(plaintext);
        assertThat(BC.open(bcRecipient, SODIUM.seal(sodiumRecipient.id(), plaintext))).isEqualTo(plaintext);
        byte[] key = SODIUM.newSymmetricKey();
        SymmetricCiphertext bySodium = SODIUM.encrypt(key, plaintext);
        assertThat(BC.decrypt(key, bySodium)).isEqualTo(plaintext);
        assertThat(SODIUM.decrypt(key, BC.encrypt(key, plaintext))).isEqualTo(plaintext);
    }

    @Property(tries = 200)
    void bothSuitesRefuseTheSameAlteredSealedPayloads(@ForAll @Size(32) byte[] seed,
            @ForAll @Size(min = 1, max = 100) byte[] plaintext, @ForAll @IntRange(min = 0) int position)
            throws CryptoException {
        SealedPayload sealed = BC.seal(BC.identityFromSeed(seed).id(), plaintext);
        byte[] ciphertext = sealed.ciphertext().clone();
        byte[] nonce = sealed.nonce().clone();
        byte[] ephemeral = sealed.ephemeralPublicKey().clone();
        int bit = position % ((ciphertext.length + 24 + 32) * 8);
        byte[] target = bit < ciphertext.length * 8 ? ciphertext : bit < (ciphertext.length + 24) * 8 ? nonce : ephemeral;
        int offset = target == ciphertext ? 0 : target == nonce ? ciphertext.length * 8 : (ciphertext.length + 24) * 8;
        target[(bit - offset) / 8] ^= (byte) (1 << ((bit - offset) % 8));
        SealedPayload altered = new SealedPayload(ciphertext, nonce, ephemeral);
        // almost every flip is refused; X25519 ignores the top bit of a public key, so that one flip opens in both
        assertThat(outcome(() -> SODIUM.open(SODIUM.identityFromSeed(seed), altered)))
                .isEqualTo(outcome(() -> BC.open(BC.identityFromSeed(seed), altered)));
    }

    @Test
    void bothSuitesIgnoreTheTopBitOfTheEphemeralKeyAsX25519Does() throws CryptoException {
        byte[] seed = new byte[32];
        SealedPayload sealed = BC.seal(BC.identityFromSeed(seed).id(), new byte[] {1, 2, 3});
        byte[] ephemeral = sealed.ephemeralPublicKey().clone();
        ephemeral[31] ^= (byte) 0x80;
        SealedPayload flipped = new SealedPayload(sealed.ciphertext(), sealed.nonce(), ephemeral);

        assertThat(SODIUM.open(SODIUM.identityFromSeed(seed), flipped)).containsExactly(1, 2, 3);
        assertThat(BC.open(BC.identityFromSeed(seed), flipped)).containsExactly(1, 2, 3);
    }

    /** "opened" and the plaintext, or "refused" and the CryptoException's message (any other exception fails). */
    private static String outcome(Opening opening) {
        try {
            return "opened " + HEX.formatHex(opening.open());
        } catch (CryptoException e) {
            return "refused: " + e.getMessage();
        }
    }

    @FunctionalInterface
    private interface Opening {
        byte[] open() throws CryptoException;
    }

    @Test
    void aShortKeyOrNonceIsACryptoExceptionNotAnOverRead() {
        SymmetricCiphertext sealed = new SymmetricCiphertext(new byte[40], new byte[24]);
        assertThat(catchThrowable(() -> SODIUM.decrypt(new byte[16], sealed))).isInstanceOf(CryptoException.class);
        assertThat(catchThrowable(() -> SODIUM.encrypt(new byte[31], new byte[1]))).isInstanceOf(CryptoException.class);
        assertThat(catchThrowable(() -> SODIUM.decrypt(new byte[32], new SymmetricCiphertext(new byte[40],
                new byte[12])))).isInstanceOf(CryptoException.class);
        assertThat(catchThrowable(() -> SODIUM.open(SODIUM.generateIdentity(),
                new SealedPayload(new byte[40], new byte[24], new byte[31])))).isInstanceOf(CryptoException.class);
    }

    private static boolean assertSameVerdict(NodeId signer, byte[] message, byte[] signature) {
        boolean sodium = SODIUM.verify(signer, message, signature);
        assertThat(sodium).as("libsodium's verdict against Bouncy Castle's").isEqualTo(BC.verify(signer, message,
                signature));
        return sodium;
    }

    private static BigInteger scalarOf(byte[] signature) {
        byte[] s = new byte[32];
        for (int i = 0; i < 32; i++) {
            s[i] = signature[63 - i];
        }
        return new BigInteger(1, s);
    }

    private static byte[] withScalar(byte[] signature, BigInteger scalar) {
        byte[] result = signature.clone();
        byte[] big = scalar.toByteArray();
        for (int i = 0; i < 32; i++) {
            result[32 + i] = i < big.length ? big[big.length - 1 - i] : 0;
        }
        return result;
    }
}
