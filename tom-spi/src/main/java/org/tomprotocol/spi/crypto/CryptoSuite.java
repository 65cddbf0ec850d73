package org.tomprotocol.spi.crypto;

import java.nio.file.Path;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.IdentityException;
import org.tomprotocol.api.NodeId;

/**
 * The cryptography of one protocol version: identities and signatures, per-message end-to-end sealing to a
 * node id, key agreement and the symmetric AEAD used with group keys. Implementations are stateless and
 * thread-safe, and never log or print key material. A suite reproduces its version's wire vectors byte for byte
 * ({@code docs/wire-vectors.json} for {@code tom-v1}); the crypto suite TCK
 * ({@code org.tomprotocol.tck.CryptoSuiteTck}) checks that and the rest of this contract.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface CryptoSuite {
    /** The suite id, e.g. {@code tom-v1}. */
    String id();

    /** A fresh random identity. */
    LocalIdentity generateIdentity();

    /** The identity derived from a 32-byte seed (copied). */
    LocalIdentity identityFromSeed(byte[] seed);

    /**
     * Loads the identity whose seed is in {@code seedFile}, or creates one there atomically, readable by
     * its owner only.
     *
     * @throws IdentityException if the file is unreadable, the wrong size or readable by others
     */
    StoredIdentity loadOrCreateIdentity(Path seedFile);

    /**
     * Whether {@code signature} is a valid signature of {@code message} by {@code signer}, strictly checked: no
     * non-canonical signature ({@code S} not below the group order) and no key of small order. Never throws:
     * malformed input is {@code false}.
     */
    boolean verify(NodeId signer, byte[] message, byte[] signature);

    /** Whether {@code id} is a usable public key (a valid curve point not of small order). */
    boolean isValidPublicKey(NodeId id);

    /**
     * Encrypts {@code plaintext} so that only {@code recipient} can open it, with fresh randomness each call.
     *
     * @throws CryptoException if {@code recipient} is not a valid public key
     */
    SealedPayload seal(NodeId recipient, byte[] plaintext) throws CryptoException;

    /**
     * Decrypts a payload sealed to {@code recipient}, which must be an identity of this suite.
     *
     * @throws CryptoException for a payload altered, malformed or sealed to another node (and no other exception)
     */
    byte[] open(LocalIdentity recipient, SealedPayload sealed) throws CryptoException;

    /** A fresh random key for {@link #encrypt}. */
    byte[] newSymmetricKey();

    /** Encrypts with a symmetric key (e.g. a group sender key) under a fresh random nonce, each call. */
    SymmetricCiphertext encrypt(byte[] key, byte[] plaintext) throws CryptoException;

    /**
     * Decrypts what {@link #encrypt} produced.
     *
     * @throws CryptoException for a ciphertext altered or malformed, or the wrong key
     */
    byte[] decrypt(byte[] key, SymmetricCiphertext ciphertext) throws CryptoException;

    /**
     * HMAC-SHA256 of {@code label} under {@code key} (RFC 2104; 32 bytes): one step of a hash ratchet, e.g. a group
     * sender chain's message key and next chain key (docs/groups.md §4). The default computes it on the JDK's
     * SHA-256; a suite may compute it natively, with the same bytes (the TCK checks RFC 4231's vectors).
     *
     * @throws CryptoException if {@code key} is empty
     */
    default byte[] deriveKey(byte[] key, byte[] label) throws CryptoException {
        if (key.length == 0) {
            throw new CryptoException("an HMAC key is not empty");
        }
        // RFC 2104 on the JDK's SHA-256: H((K ^ opad) || H((K ^ ipad) || label)), K padded to the 64-byte block
        try {
            java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
            byte[] block = java.util.Arrays.copyOf(key.length > 64 ? sha256.digest(key) : key, 64);
            byte[] inner = new byte[64];
            byte[] outer = new byte[64];
            for (int i = 0; i < 64; i++) {
                inner[i] = (byte) (block[i] ^ 0x36);
                outer[i] = (byte) (block[i] ^ 0x5c);
            }
            sha256.update(inner);
            byte[] innerHash = sha256.digest(label);
            sha256.update(outer);
            return sha256.digest(innerHash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CryptoException("SHA-256 unavailable: " + e.getMessage(), e);
        }
    }
}
