package org.tomprotocol.spi.crypto;

import java.nio.file.Path;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.IdentityException;
import org.tomprotocol.api.NodeId;

/**
 * The cryptography of one protocol version: identities and signatures, per-message end-to-end sealing to a
 * node id, key agreement and the symmetric AEAD used with group keys. Implementations are stateless and
 * thread-safe, and never log or print key material.
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

    /** Whether {@code signature} is a valid signature of {@code message} by {@code signer}, strictly checked. */
    boolean verify(NodeId signer, byte[] message, byte[] signature);

    /** Whether {@code id} is a usable public key (a valid curve point not of small order). */
    boolean isValidPublicKey(NodeId id);

    /** Encrypts {@code plaintext} so that only {@code recipient} can open it. */
    SealedPayload seal(NodeId recipient, byte[] plaintext) throws CryptoException;

    /** Decrypts a payload sealed to {@code recipient}, which must be an identity of this suite. */
    byte[] open(LocalIdentity recipient, SealedPayload sealed) throws CryptoException;

    /** A fresh random key for {@link #encrypt}. */
    byte[] newSymmetricKey();

    /** Encrypts with a symmetric key (e.g. a group sender key) under a fresh random nonce. */
    SymmetricCiphertext encrypt(byte[] key, byte[] plaintext) throws CryptoException;

    /** Decrypts what {@link #encrypt} produced. */
    byte[] decrypt(byte[] key, SymmetricCiphertext ciphertext) throws CryptoException;
}
