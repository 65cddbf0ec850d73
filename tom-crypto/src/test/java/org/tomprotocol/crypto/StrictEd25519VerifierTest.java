package org.tomprotocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.crypto.ReferenceEd25519.Point;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * The cases where "strict" matters, built by hand with the BigInteger model: each test shows that the crafted
 * signature satisfies some weaker rule (so a lax verifier would accept it) and that ours rejects it, or, for
 * mixed-order keys, that ours accepts exactly what ed25519-dalek's verify_strict accepts.
 */
class StrictEd25519VerifierTest {
    private static final byte[] SEED = HexFormat.of()
            .parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    private static final byte[] MESSAGE = "strict verification".getBytes(StandardCharsets.UTF_8);

    private final TomV1Suite suite = new TomV1Suite();
    private final LocalIdentity identity = suite.identityFromSeed(SEED);
    private final BigInteger secret = ReferenceEd25519.secretScalar(SEED);
    private final byte[] publicKey = identity.id().toBytes();
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void anHonestSignatureVerifiesAndAnyOtherMessageDoesNot() {
        byte[] signature = identity.sign(MESSAGE);
        assertThat(suite.verify(identity.id(), MESSAGE, signature)).isTrue();
        assertThat(suite.verify(identity.id(), "other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void signaturesOfTheWrongLengthAreRejected() {
        byte[] signature = identity.sign(MESSAGE);
        assertThat(suite.verify(identity.id(), MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(suite.verify(identity.id(), MESSAGE, Arrays.copyOf(signature, 65))).isFalse();
        assertThat(suite.verify(identity.id(), MESSAGE, new byte[0])).isFalse();
        assertThat(suite.verify(identity.id(), MESSAGE, null)).isFalse();
    }

    @Test
    void nonCanonicalSIsRejectedThoughItSatisfiesTheEquationModL() {
        byte[] signature = identity.sign(MESSAGE);
        BigInteger s = ReferenceEd25519.fromLittleEndian(Arrays.copyOfRange(signature, 32, 64));
        byte[] malleated = ReferenceEd25519.signature(signature, s.add(ReferenceEd25519.L));

        assertThat(Ed25519Scalars.isCanonical(signature, 32)).isTrue();
        assertThat(Ed25519Scalars.isCanonical(malleated, 32)).isFalse();
        assertThat(suite.verify(identity.id(), MESSAGE, malleated)).isFalse();
    }

    @Test
    void scalarCanonicityBoundaryIsL() {
        byte[] justBelow = ReferenceEd25519.toLittleEndian(ReferenceEd25519.L.subtract(BigInteger.ONE));
        byte[] exactly = ReferenceEd25519.toLittleEndian(ReferenceEd25519.L);
        assertThat(Ed25519Scalars.isCanonical(justBelow, 0)).isTrue();
        assertThat(Ed25519Scalars.isCanonical(exactly, 0)).isFalse();
        assertThat(Ed25519Scalars.isCanonical(new byte[32], 0)).isTrue();
    }

    @Test
    void smallOrderRIsRejectedThoughTheCofactorlessEquationHolds() {
        byte[] r = ReferenceEd25519.IDENTITY.encode();
        BigInteger k = ReferenceEd25519.challenge(r, publicKey, MESSAGE);
        byte[] signature = ReferenceEd25519.signature(r, k.multiply(secret).mod(ReferenceEd25519.L));

        assertThat(equationHolds(signature, publicKey, MESSAGE)).as("[S]B - [k]A == R").isTrue();
        assertThat(Ed25519.verify(signature, 0, publicKey, 0, MESSAGE, 0, MESSAGE.length))
                .as("Bouncy Castle alone does not check R for small order").isTrue();
        assertThat(suite.verify(identity.id(), MESSAGE, signature)).isFalse();
    }

    @Test
    void mixedOrderRFailingOnlyTheCofactorlessEquationIsRejected() throws GeneralSecurityException {
        BigInteger r = randomScalar();
        byte[] rEncoded = ReferenceEd25519.BASE.times(r).add(ReferenceEd25519.ORDER_8).encode();
        BigInteger k = ReferenceEd25519.challenge(rEncoded, publicKey, MESSAGE);
        byte[] signature = ReferenceEd25519.signature(rEncoded, r.add(k.multiply(secret)).mod(ReferenceEd25519.L));

        assertThat(equationHolds(signature, publicKey, MESSAGE)).isFalse();
        assertThat(Ed25519.verify(signature, 0, publicKey, 0, MESSAGE, 0, MESSAGE.length))
                .as("Bouncy Castle checks the cofactored equation, which holds").isTrue();
        assertThat(jdkVerify(identity, signature)).as("the JDK checks the cofactorless one").isFalse();
        assertThat(suite.verify(identity.id(), MESSAGE, signature)).isFalse();
    }

    @Test
    void mixedOrderKeyAndRAreAcceptedWhenTheCofactorlessEquationHoldsLikeDalek() {
        Point mixedKey = ReferenceEd25519.BASE.times(secret).add(ReferenceEd25519.ORDER_2);
        byte[] mixedKeyEncoded = mixedKey.encode();
        assertThat(mixedKey.isSmallOrder()).isFalse();
        assertThat(suite.isValidPublicKey(NodeId.of(mixedKeyEncoded))).isTrue();

        // R = rB + T2 and an odd k make [S]B − [k]A' = rB − [k]T2 = R: dalek's verify_strict accepts this.
        for (int attempt = 0; attempt < 64; attempt++) {
            BigInteger r = randomScalar();
            byte[] rEncoded = ReferenceEd25519.BASE.times(r).add(ReferenceEd25519.ORDER_2).encode();
            BigInteger k = ReferenceEd25519.challenge(rEncoded, mixedKeyEncoded, MESSAGE);
            byte[] signature = ReferenceEd25519.signature(rEncoded,
                    r.add(k.multiply(secret)).mod(ReferenceEd25519.L));
            boolean holds = equationHolds(signature, mixedKeyEncoded, MESSAGE);
            assertThat(holds).as("the equation holds exactly when k is odd").isEqualTo(k.testBit(0));
            assertThat(suite.verify(NodeId.of(mixedKeyEncoded), MESSAGE, signature)).isEqualTo(holds);
        }
    }

    @Test
    void everySmallOrderKeyIsInvalidAndNeverVerifies() {
        for (Point point : ReferenceEd25519.smallOrderPoints()) {
            assertThat(point.isSmallOrder()).isTrue();
            byte[] canonical = point.encode();
            for (byte[] encoding : new byte[][] {canonical, withSignBitFlipped(canonical)}) {
                NodeId key = NodeId.of(encoding);
                assertThat(suite.isValidPublicKey(key)).as(key.toHex()).isFalse();
                BigInteger s = randomScalar();
                byte[] rEncoded = ReferenceEd25519.BASE.times(s).encode();
                byte[] signature = ReferenceEd25519.signature(rEncoded, s);
                if (point.equals(ReferenceEd25519.IDENTITY) && encoding == canonical) {
                    assertThat(equationHolds(signature, encoding, MESSAGE)).as("R = [S]B - [k]O").isTrue();
                }
                assertThat(suite.verify(key, MESSAGE, signature)).as(key.toHex()).isFalse();
            }
        }
    }

    @Test
    void aNonCanonicalKeyEncodingIsInvalidEvenWhereALenientDecoderFindsAPoint() {
        int found = 0;
        for (int y = 2; y < 19; y++) {
            byte[] canonical = ReferenceEd25519.toLittleEndian(BigInteger.valueOf(y));
            Point point = ReferenceEd25519.decode(canonical);
            if (point == null || point.isSmallOrder()) {
                continue;
            }
            found++;
            byte[] nonCanonical = ReferenceEd25519.toLittleEndian(BigInteger.valueOf(y).add(ReferenceEd25519.P));
            assertThat(ReferenceEd25519.decode(nonCanonical)).isEqualTo(point);
            assertThat(suite.isValidPublicKey(NodeId.of(canonical))).isTrue();
            assertThat(suite.isValidPublicKey(NodeId.of(nonCanonical))).isFalse();
        }
        assertThat(found).as("points with a small y exist").isPositive();
    }

    @Test
    void bytesThatAreNoCurvePointAreInvalidKeys() {
        int rejected = 0;
        for (int i = 0; i < 200; i++) {
            byte[] candidate = new byte[32];
            random.nextBytes(candidate);
            candidate[31] &= 0x7f;
            boolean isPoint = ReferenceEd25519.decode(candidate) != null;
            assertThat(suite.isValidPublicKey(NodeId.of(candidate))).isEqualTo(isPoint);
            rejected += isPoint ? 0 : 1;
        }
        assertThat(rejected).as("about half of random y are not on the curve").isBetween(50, 150);
    }

    private boolean jdkVerify(LocalIdentity signer, byte[] signature) throws GeneralSecurityException {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(signer.publicKey());
        jdk.update(MESSAGE);
        return jdk.verify(signature);
    }

    /** The cofactorless equation [S]B − [k]A == R on decoded points (no encoding or order checks). */
    private static boolean equationHolds(byte[] signature, byte[] key, byte[] message) {
        Point r = ReferenceEd25519.decode(Arrays.copyOf(signature, 32));
        Point a = ReferenceEd25519.decode(key);
        BigInteger s = ReferenceEd25519.fromLittleEndian(Arrays.copyOfRange(signature, 32, 64));
        BigInteger k = ReferenceEd25519.challenge(Arrays.copyOf(signature, 32), key, message);
        return r != null && a != null && ReferenceEd25519.BASE.times(s).add(a.times(k).negate()).equals(r);
    }

    private BigInteger randomScalar() {
        byte[] bytes = new byte[64];
        random.nextBytes(bytes);
        return ReferenceEd25519.fromLittleEndian(bytes).mod(ReferenceEd25519.L);
    }

    private static byte[] withSignBitFlipped(byte[] encoding) {
        byte[] copy = encoding.clone();
        copy[31] ^= (byte) 0x80;
        return copy;
    }
}
