package org.tomprotocol.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.Api;
import org.tomprotocol.api.IdentityException;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;
import org.tomprotocol.spi.crypto.StoredIdentity;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;
import org.tomprotocol.tck.internal.CryptoVectors;
import org.tomprotocol.tck.internal.Directories;

/**
 * The contracts of {@link CryptoSuite}: it reproduces the wire vectors of its protocol version byte for byte
 * ({@code docs/wire-vectors.json} for {@code tom-v1}), verifies strictly (no malleable signature, no small-order key),
 * seals with fresh randomness to one recipient only, fails on altered input with {@link CryptoException} and
 * nothing else, and keeps its secrets out of sight. Extend it with a test class that names the provider:
 *
 * <pre>{@code
 * class HsmCryptoSuiteTckTest extends CryptoSuiteTck {
 *     protected CryptoSuiteProvider provider() { return new HsmTomV1Provider(); }
 * }
 * }</pre>
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public abstract class CryptoSuiteTck extends ProviderTck<CryptoSuiteProvider> {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger GROUP_ORDER = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    /** Encodings of the eight points of small order (libsodium's list), which no identity may be. */
    private static final List<String> SMALL_ORDER_POINTS = List.of(
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85");
    private static final byte[] MESSAGE = "a message the TCK signs and seals".getBytes(StandardCharsets.UTF_8);

    private CryptoSuite suite;
    private Path temporary;

    /**
     * The wire vectors the suite must reproduce, in the format of {@code docs/wire-vectors.json}: by default those of
     * {@code tom-v1}. A suite of another protocol version brings its own.
     */
    protected InputStream wireVectors() {
        assertEquals("tom-v1", suite().id(), "the TCK carries the wire vectors of tom-v1 only: a suite of another "
                + "protocol version overrides wireVectors()");
        return CryptoVectors.tomV1();
    }

    @AfterEach
    public final void deleteSeedFiles() throws IOException {
        if (temporary != null) {
            Directories.deleteRecursively(temporary);
        }
    }

    @Test
    public void theSuiteIdIsAProtocolVersionToken() {
        // the suite id is written in the protocol; the provider id only names the implementation (several may
        // implement one suite, e.g. tom-v1 and tom-v1-sodium)
        assertTrue(suite().id().matches("[a-z0-9]+(-[a-z0-9]+)*"),
                "the suite id is a lowercase protocol version token like tom-v1, got '" + suite().id() + "'");
        assertEquals(suite().id(), underTest().suite().id(), "the suite id is the same on every call");
    }

    @Test
    public void identitiesFromTheVectorSeedsHaveTheVectorIds() {
        CryptoVectors vectors = CryptoVectors.read(wireVectors());
        for (CryptoVectors.Signature vector : vectors.signatures()) {
            assertEquals(vector.sender(), suite().identityFromSeed(vector.senderSeed()).id(), vector.name());
        }
        for (CryptoVectors.Sealed vector : vectors.sealed()) {
            assertEquals(vector.recipient(), suite().identityFromSeed(vector.recipientSeed()).id(), vector.name());
        }
    }

    @Test
    public void signaturesMatchTheWireVectorsAndVerify() {
        for (CryptoVectors.Signature vector : CryptoVectors.read(wireVectors()).signatures()) {
            LocalIdentity sender = suite().identityFromSeed(vector.senderSeed());
            assertEquals(HEX.formatHex(vector.signature()), HEX.formatHex(sender.sign(vector.signingBytes())),
                    () -> vector.name() + ": the signature, byte for byte");
            assertTrue(suite().verify(vector.sender(), vector.signingBytes(), vector.signature()),
                    () -> vector.name() + ": the vector's signature verifies");
        }
    }

    @Test
    public void vectorPayloadsOpenToTheirPlaintext() {
        List<CryptoVectors.Sealed> sealed = CryptoVectors.read(wireVectors()).sealed();
        assertFalse(sealed.isEmpty(), "the vectors hold encrypted payloads");
        for (CryptoVectors.Sealed vector : sealed) {
            LocalIdentity recipient = suite().identityFromSeed(vector.recipientSeed());
            byte[] opened = assertDoesNotThrow(() -> suite().open(recipient, new SealedPayload(vector.ciphertext(),
                    vector.nonce(), vector.ephemeralPublicKey())), () -> vector.name() + ": the vector opens");
            assertArrayEquals(vector.plaintext(), opened, vector.name());
        }
    }

    @Test
    public void signaturesVerifyOnlyWhenNothingWasAltered() {
        LocalIdentity alice = suite().generateIdentity();
        NodeId bob = suite().generateIdentity().id();
        byte[] signature = alice.sign(MESSAGE);

        assertTrue(suite().verify(alice.id(), MESSAGE, signature), "a genuine signature verifies");
        assertFalse(verifies(alice.id(), flipped(MESSAGE, 3), signature), "an altered message");
        for (int at : new int[] {0, 31, 32, 63}) {
            assertFalse(verifies(alice.id(), MESSAGE, flipped(signature, at)), "a signature altered at byte " + at);
        }
        assertFalse(verifies(bob, MESSAGE, signature), "another signer");
        for (int length : new int[] {0, 63, 65}) {
            assertFalse(verifies(alice.id(), MESSAGE, Arrays.copyOf(signature, length)),
                    "a signature of " + length + " bytes is false, not an exception");
        }
    }

    @Test
    public void verificationIsStrict() {
        LocalIdentity alice = suite().generateIdentity();
        byte[] signature = alice.sign(MESSAGE);
        byte[] malleated = signature.clone();
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        byte[] sPlusL = littleEndian(fromLittleEndian(s).add(GROUP_ORDER));
        System.arraycopy(sPlusL, 0, malleated, 32, 32);

        assertFalse(verifies(alice.id(), MESSAGE, malleated), "S + L: a second signature from one (malleability)");
        byte[] identityPoint = HEX.parseHex(SMALL_ORDER_POINTS.getFirst());
        byte[] trivial = new byte[64];
        System.arraycopy(identityPoint, 0, trivial, 0, 32);
        assertFalse(verifies(NodeId.of(identityPoint), MESSAGE, trivial),
                "a small-order key with R = identity, S = 0 verifies any message unless refused");
    }

    @Test
    public void smallOrderPointsAreNotValidPublicKeys() {
        for (String point : SMALL_ORDER_POINTS) {
            assertFalse(assertDoesNotThrow(() -> suite().isValidPublicKey(NodeId.of(HEX.parseHex(point)))),
                    () -> point + " has small order");
        }
        assertTrue(suite().isValidPublicKey(suite().generateIdentity().id()), "a generated identity is valid");
    }

    @Test
    public void sealedPayloadsOpenOnlyForTheirRecipientAndAreFreshEachTime() throws CryptoException {
        LocalIdentity bob = suite().generateIdentity();
        LocalIdentity carol = suite().generateIdentity();

        SealedPayload first = suite().seal(bob.id(), MESSAGE);
        SealedPayload second = suite().seal(bob.id(), MESSAGE);

        assertArrayEquals(MESSAGE, suite().open(bob, first));
        assertArrayEquals(MESSAGE, suite().open(bob, second));
        assertThrows(CryptoException.class, () -> suite().open(carol, first), "another node cannot open it");
        assertFalse(Arrays.equals(first.nonce(), second.nonce()), "a fresh nonce each time");
        assertFalse(Arrays.equals(first.ephemeralPublicKey(), second.ephemeralPublicKey()), "a fresh ephemeral key");
        assertFalse(Arrays.equals(first.ciphertext(), second.ciphertext()), "so a fresh ciphertext");
    }

    @Test
    public void alteredSealedPayloadsFailWithACryptoExceptionOnly() throws CryptoException {
        LocalIdentity bob = suite().generateIdentity();
        SealedPayload sealed = suite().seal(bob.id(), MESSAGE);
        byte[] c = sealed.ciphertext();
        byte[] n = sealed.nonce();
        byte[] e = sealed.ephemeralPublicKey();
        List<SealedPayload> altered = List.of(new SealedPayload(flipped(c, 0), n, e),
                new SealedPayload(flipped(c, c.length - 1), n, e), new SealedPayload(c, flipped(n, 0), e),
                new SealedPayload(c, n, flipped(e, 0)), new SealedPayload(Arrays.copyOf(c, c.length - 1), n, e),
                new SealedPayload(new byte[0], n, e), new SealedPayload(c, Arrays.copyOf(n, n.length - 1), e),
                new SealedPayload(c, n, Arrays.copyOf(e, e.length - 1)), new SealedPayload(c, n, new byte[32]));

        for (int i = 0; i < altered.size(); i++) {
            SealedPayload attempt = altered.get(i);
            assertThrows(CryptoException.class, () -> suite().open(bob, attempt), "alteration " + i);
        }
    }

    @Test
    public void sealingToASmallOrderKeyFails() {
        for (String point : SMALL_ORDER_POINTS.subList(0, 3)) {
            assertThrows(CryptoException.class, () -> suite().seal(NodeId.of(HEX.parseHex(point)), MESSAGE),
                    () -> "sealing to small-order point " + point);
        }
    }

    @Test
    public void symmetricEncryptionRoundTripsWithFreshNoncesAndRejectsTampering() throws CryptoException {
        byte[] key = suite().newSymmetricKey();
        byte[] other = suite().newSymmetricKey();
        assertTrue(key.length >= 16, "a key of at least 128 bits");
        assertFalse(Arrays.equals(key, other), "fresh keys");

        SymmetricCiphertext first = suite().encrypt(key, MESSAGE);
        SymmetricCiphertext second = suite().encrypt(key, MESSAGE);

        assertArrayEquals(MESSAGE, suite().decrypt(key, first));
        assertFalse(Arrays.equals(first.nonce(), second.nonce()), "a fresh nonce each time");
        assertThrows(CryptoException.class, () -> suite().decrypt(other, first), "the wrong key");
        assertThrows(CryptoException.class, () -> suite().decrypt(key,
                new SymmetricCiphertext(flipped(first.ciphertext(), 0), first.nonce())), "an altered ciphertext");
        assertThrows(CryptoException.class, () -> suite().decrypt(key,
                new SymmetricCiphertext(first.ciphertext(), new byte[1])), "a nonce of the wrong length");
    }

    /** RFC 4231 test cases 1, 2 and 7 (HMAC-SHA256): a 20-byte key, a short key, a 131-byte key with a long text. */
    @Test
    public void deriveKeyIsHmacSha256OnRfc4231sVectors() throws CryptoException {
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", HEX.formatHex(suite().deriveKey(
                HEX.parseHex("0b".repeat(20)), "Hi There".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HEX.formatHex(suite().deriveKey(
                "Jefe".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertEquals("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2", HEX.formatHex(suite().deriveKey(
                HEX.parseHex("aa".repeat(131)), ("This is a test using a larger than block-size key and a larger than "
                        + "block-size data. The key needs to be hashed before being used by the HMAC algorithm.")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertThrows(CryptoException.class, () -> suite().deriveKey(new byte[0], MESSAGE), "an empty key");
    }

    @Test
    public void aSeedIsCopiedAndNoSecretShowsInText() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 0x5a);
        seed[0] = 1;
        LocalIdentity identity = suite().identityFromSeed(seed);
        NodeId id = identity.id();
        byte[] signature = identity.sign(MESSAGE);
        byte[] original = seed.clone();

        Arrays.fill(seed, (byte) 0);

        assertEquals(id, identity.id(), "the identity does not change with the caller's array");
        assertArrayEquals(signature, identity.sign(MESSAGE), "nor does what it signs");
        String text = String.valueOf(identity);
        for (String secret : List.of(HEX.formatHex(original), HEX.withUpperCase().formatHex(original),
                Base64.getEncoder().encodeToString(original), Arrays.toString(original))) {
            assertFalse(text.contains(secret), "toString shows the node id only, never the seed");
        }
    }

    @Test
    public void identitiesAreKeptInAnOwnerOnlySeedFile() throws IOException {
        Path file = temporary().resolve("identity").resolve("seed");

        StoredIdentity created = suite().loadOrCreateIdentity(file);

        assertTrue(created.created() && Files.isRegularFile(file), "created on first use");
        boolean posix = Files.getFileStore(file).supportsFileAttributeView("posix");
        if (posix) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            assertTrue(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(permissions),
                    () -> "the seed file is for its owner only, got " + PosixFilePermissions.toString(permissions));
        }
        StoredIdentity loaded = assertDoesNotThrow(() -> suite().loadOrCreateIdentity(file), "loading it again");
        assertFalse(loaded.created(), "loaded afterwards");
        assertEquals(created.identity().id(), loaded.identity().id(), "the same identity");
        Path wrongSize = temporary().resolve("short-seed");
        Files.write(wrongSize, new byte[5]);
        assertThrows(IdentityException.class, () -> suite().loadOrCreateIdentity(wrongSize), "a seed file too short");
        if (posix) {
            Path shared = temporary().resolve("shared-seed");
            Files.copy(file, shared);
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
            assertThrows(IdentityException.class, () -> suite().loadOrCreateIdentity(shared),
                    "a seed file others may read is refused");
        }
    }

    @Test
    public void generatedIdentitiesAreDistinctValidAndSign() {
        LocalIdentity first = suite().generateIdentity();
        LocalIdentity second = suite().generateIdentity();

        assertNotEquals(first.id(), second.id(), "fresh randomness for every identity");
        assertTrue(suite().isValidPublicKey(first.id()), "a generated identity is a valid key");
        assertTrue(suite().verify(first.id(), MESSAGE, first.sign(MESSAGE)), "and signs");
        assertNotNull(first.publicKey(), "its JCA public key");
        assertNotNull(first.privateKey(), "its JCA private key, for TLS stacks");
    }

    private CryptoSuite suite() {
        if (suite == null) {
            suite = underTest().suite();
            assertNotNull(suite, "suite() returned null");
        }
        return suite;
    }

    private Path temporary() throws IOException {
        if (temporary == null) {
            temporary = Files.createTempDirectory("tom-tck-crypto-");
        }
        return temporary;
    }

    private boolean verifies(NodeId signer, byte[] message, byte[] signature) {
        return assertDoesNotThrow(() -> suite().verify(signer, message, signature), "verify never throws");
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x01;
        return copy;
    }

    private static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = bytes.clone();
        for (int i = 0; i < bigEndian.length / 2; i++) {
            byte swap = bigEndian[i];
            bigEndian[i] = bigEndian[bigEndian.length - 1 - i];
            bigEndian[bigEndian.length - 1 - i] = swap;
        }
        return new BigInteger(1, bigEndian);
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] out = new byte[32];
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < bigEndian.length && i < 32; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
