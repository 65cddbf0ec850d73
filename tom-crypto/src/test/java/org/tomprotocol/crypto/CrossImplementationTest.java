package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.SplittableRandom;

import javax.crypto.KeyAgreement;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.subtle.X25519;
import com.google.crypto.tink.subtle.XChaCha20Poly1305;

/**
 * Our primitives against a second implementation, on a few hundred random inputs each: the JDK's Ed25519 and
 * X25519, and Tink's X25519, XChaCha20-Poly1305 and HKDF. Inputs come from a fixed seed so failures repeat.
 */
class CrossImplementationTest {
    private static final int ROUNDS = 200;

    private final TomV1Suite suite = new TomV1Suite();
    private final SplittableRandom random = new SplittableRandom(20250101);

    @Test
    void ed25519SignaturesAgreeWithTheJdk() throws GeneralSecurityException {
        Signature jdk = Signature.getInstance("Ed25519");
        for (int i = 0; i < ROUNDS; i++) {
            LocalIdentity identity = suite.identityFromSeed(bytes(32));
            byte[] message = bytes(random.nextInt(0, 300));

            byte[] ours = identity.sign(message);
            jdk.initSign(identity.privateKey());
            jdk.update(message);
            byte[] theirs = jdk.sign();
            assertThat(ours).as("Ed25519 is deterministic").isEqualTo(theirs);

            jdk.initVerify(identity.publicKey());
            jdk.update(message);
            assertThat(jdk.verify(ours)).isTrue();
            assertThat(suite.verify(identity.id(), message, theirs)).isTrue();

            byte[] tampered = ours.clone();
            tampered[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            jdk.initVerify(identity.publicKey());
            jdk.update(message);
            boolean jdkAccepts = jdkVerifyQuietly(jdk, tampered);
            assertThat(suite.verify(identity.id(), message, tampered)).isEqualTo(jdkAccepts).isFalse();
        }
    }

    @Test
    void x25519AgreesWithTheJdkAndTink() throws Exception {
        KeyFactory factory = KeyFactory.getInstance("X25519");
        KeyAgreement jdk = KeyAgreement.getInstance("X25519");
        for (int i = 0; i < ROUNDS; i++) {
            byte[] secret = X25519.generatePrivateKey();
            byte[] peerPublic = X25519.publicFromPrivate(X25519.generatePrivateKey());

            byte[] ours = X25519KeyAgreement.sharedSecret(secret, peerPublic);
            assertThat(ours).isEqualTo(X25519.computeSharedSecret(secret, peerPublic));

            PrivateKey jdkSecret = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, secret));
            PublicKey jdkPublic = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
                    ReferenceEd25519.fromLittleEndian(peerPublic)));
            jdk.init(jdkSecret);
            jdk.doPhase(jdkPublic, true);
            assertThat(ours).isEqualTo(jdk.generateSecret());

            assertThat(suite.x25519PublicFromSecret(secret)).isEqualTo(X25519.publicFromPrivate(secret));
        }
    }

    @Test
    void xchacha20Poly1305AgreesWithTink() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] key = bytes(32);
            byte[] plaintext = bytes(random.nextInt(0, 500));
            XChaCha20Poly1305 tink = new XChaCha20Poly1305(key);

            // Tink's layout is nonce ‖ ciphertext ‖ tag; ours keeps the nonce apart.
            SymmetricCiphertext ours = suite.encrypt(key, plaintext);
            byte[] asTink = concat(ours.nonce(), ours.ciphertext());
            assertThat(tink.decrypt(asTink, new byte[0])).isEqualTo(plaintext);

            byte[] theirs = tink.encrypt(plaintext, new byte[0]);
            byte[] nonce = Arrays.copyOf(theirs, 24);
            byte[] ciphertext = Arrays.copyOfRange(theirs, 24, theirs.length);
            assertThat(suite.decrypt(key, new SymmetricCiphertext(ciphertext, nonce))).isEqualTo(plaintext);
            assertThat(XChaCha20Poly1305Aead.encrypt(key, nonce, plaintext, null)).isEqualTo(ciphertext);

            byte[] aad = bytes(random.nextInt(1, 40));
            byte[] withAad = tink.encrypt(plaintext, aad);
            assertThat(XChaCha20Poly1305Aead.decrypt(key, Arrays.copyOf(withAad, 24),
                    Arrays.copyOfRange(withAad, 24, withAad.length), aad)).isEqualTo(plaintext);
        }
    }

    @Test
    void hkdfAgreesWithTink() throws GeneralSecurityException {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] ikm = bytes(random.nextInt(1, 80));
            byte[] salt = i % 4 == 0 ? new byte[0] : bytes(random.nextInt(1, 80));
            byte[] info = bytes(random.nextInt(0, 80));
            int length = random.nextInt(1, 300);
            assertThat(HkdfSha256.derive(salt, ikm, info, length))
                    .isEqualTo(Hkdf.computeHkdf("HMACSHA256", ikm, salt, info, length));
        }
        byte[] shared = bytes(32);
        byte[] info = E2eSealer.INFO_TEXT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(HkdfSha256.derive(null, shared, info, 32))
                .as("the seal's salt-less HKDF").isEqualTo(Hkdf.computeHkdf("HMACSHA256", shared, null, info, 32));
    }

    @Test
    void convertedKeysAgreeInBothDirectionsOfADiffieHellman() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] seedA = bytes(32);
            byte[] seedB = bytes(32);
            NodeId idA = suite.identityFromSeed(seedA).id();
            NodeId idB = suite.identityFromSeed(seedB).id();
            byte[] aToB = X25519.computeSharedSecret(suite.x25519SecretFromSeed(seedA), suite.x25519PublicKey(idB));
            byte[] bToA = X25519.computeSharedSecret(suite.x25519SecretFromSeed(seedB), suite.x25519PublicKey(idA));
            assertThat(aToB).isEqualTo(bToA);
            assertThat(suite.x25519PublicFromSecret(suite.x25519SecretFromSeed(seedA)))
                    .as("converted public key = X25519 public key of the converted secret")
                    .isEqualTo(suite.x25519PublicKey(idA));
        }
    }

    @Test
    void publicKeyConversionMatchesTheBirationalMapInBigIntegers() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            NodeId id = suite.identityFromSeed(bytes(32)).id();
            ReferenceEd25519.Point point = ReferenceEd25519.decode(id.toBytes());
            BigInteger expected = point.montgomeryU();
            assertThat(ReferenceEd25519.fromLittleEndian(suite.x25519PublicKey(id))).isEqualTo(expected);
        }
    }

    @Test
    void secretConversionIsTheClampedFirstHalfOfSha512() {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] seed = bytes(32);
            assertThat(ReferenceEd25519.fromLittleEndian(suite.x25519SecretFromSeed(seed)))
                    .isEqualTo(ReferenceEd25519.secretScalar(seed));
        }
    }

    private static boolean jdkVerifyQuietly(Signature jdk, byte[] signature) {
        try {
            return jdk.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
