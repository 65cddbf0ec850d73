package org.tomprotocol.crypto;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;
import org.tomprotocol.spi.crypto.StoredIdentity;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * The {@code tom-v1} suite, wire-compatible with ToM Gen-2: Ed25519 identities verified like ed25519-dalek's
 * {@code verify_strict}; sealing with ephemeral X25519 to the recipient's converted Ed25519 key, HKDF-SHA256
 * and XChaCha20-Poly1305; XChaCha20-Poly1305 for group keys. Stateless and thread-safe.
 *
 * <p>Besides the {@link CryptoSuite} methods it offers deterministic helpers, meant for tests that publish
 * known-answer vectors: {@link #sealDeterministic}, {@link #x25519PublicKey}, {@link #x25519SecretFromSeed} and
 * {@link #x25519PublicFromSecret}. Its package is not exported, so only class-path code can reach them.
 */
public final class TomV1Suite implements CryptoSuite {
    private final PeerKeys peerKeys = new PeerKeys();
    /** The suite id written in the protocol. */
    public static final String ID = "tom-v1";

    /** A suite; all instances behave the same, and {@link TomV1CryptoSuiteProvider} shares one. */
    public TomV1Suite() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalIdentity generateIdentity() {
        byte[] seed = SharedRandom.bytes(Ed25519Identity.SEED_LENGTH);
        try {
            return new Ed25519Identity(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public LocalIdentity identityFromSeed(byte[] seed) {
        return new Ed25519Identity(seed);
    }

    @Override
    public StoredIdentity loadOrCreateIdentity(Path seedFile) {
        return SeedFile.loadOrCreate(Objects.requireNonNull(seedFile, "seedFile"));
    }

    @Override
    public boolean verify(NodeId signer, byte[] message, byte[] signature) {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(message, "message");
        if (signature == null) {
            return false;
        }
        PeerKeys.Derived key = peerKeys.of(signer);
        return key.valid() && StrictEd25519Verifier.verify(signer.toBytes(), key.negatedKey(), message, signature);
    }

    @Override
    public boolean isValidPublicKey(NodeId id) {
        return peerKeys.of(Objects.requireNonNull(id, "id")).valid();
    }

    @Override
    public SealedPayload seal(NodeId recipient, byte[] plaintext) throws CryptoException {
        Objects.requireNonNull(plaintext, "plaintext");
        PeerKeys.Derived key = peerKeys.of(Objects.requireNonNull(recipient, "recipient"));
        if (!key.valid()) {
            throw new CryptoException("the recipient is not a valid public key");
        }
        return E2eSealer.sealToMontgomery(key.montgomery(), plaintext);
    }

    /**
     * {@link #seal} with fixed randomness, for known-answer vectors. Never use it for real messages.
     *
     * @param ephemeralSecret32 the ephemeral X25519 secret (32 bytes; clamped by X25519)
     * @param nonce24           the XChaCha20-Poly1305 nonce (24 bytes; copied)
     * @throws CryptoException if the recipient is not a valid public key or is of small order
     */
    public SealedPayload sealDeterministic(NodeId recipient, byte[] plaintext, byte[] ephemeralSecret32,
            byte[] nonce24) throws CryptoException {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(plaintext, "plaintext");
        if (ephemeralSecret32.length != X25519KeyAgreement.KEY_LENGTH) {
            throw new IllegalArgumentException("the ephemeral secret is 32 bytes, got " + ephemeralSecret32.length);
        }
        if (nonce24.length != XChaCha20Poly1305Aead.NONCE_LENGTH) {
            throw new IllegalArgumentException("the nonce is 24 bytes, got " + nonce24.length);
        }
        return E2eSealer.seal(recipient.toBytes(), plaintext, ephemeralSecret32, nonce24.clone());
    }

    @Override
    public byte[] open(LocalIdentity recipient, SealedPayload sealed) throws CryptoException {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sealed, "sealed");
        if (!(recipient instanceof Ed25519Identity identity)) {
            throw new CryptoException("the recipient identity was not made by the " + ID + " crypto suite");
        }
        return E2eSealer.open(identity.x25519Secret(), sealed);
    }

    /**
     * The X25519 public key (Montgomery u) of an Ed25519 node id, as libsodium's
     * {@code crypto_sign_ed25519_pk_to_curve25519} computes it.
     *
     * @throws CryptoException if the node id is not a valid point or is of small order
     */
    public byte[] x25519PublicKey(NodeId edPublic) throws CryptoException {
        return EdwardsToMontgomery.publicKey(Objects.requireNonNull(edPublic, "edPublic").toBytes());
    }

    /** The X25519 secret of an Ed25519 seed: SHA-512(seed)[0..32], clamped (libsodium's conversion). */
    public byte[] x25519SecretFromSeed(byte[] seed) {
        return EdwardsToMontgomery.secretKey(Objects.requireNonNull(seed, "seed"));
    }

    /** The X25519 public key of a 32-byte X25519 secret. */
    public byte[] x25519PublicFromSecret(byte[] secret) {
        return X25519KeyAgreement.publicKey(Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public byte[] newSymmetricKey() {
        return SharedRandom.bytes(XChaCha20Poly1305Aead.KEY_LENGTH);
    }

    @Override
    public SymmetricCiphertext encrypt(byte[] key, byte[] plaintext) throws CryptoException {
        Objects.requireNonNull(plaintext, "plaintext");
        if (Objects.requireNonNull(key, "key").length != XChaCha20Poly1305Aead.KEY_LENGTH) {
            throw new CryptoException("a symmetric key is 32 bytes, got " + key.length);
        }
        byte[] nonce = SharedRandom.bytes(XChaCha20Poly1305Aead.NONCE_LENGTH);
        return new SymmetricCiphertext(XChaCha20Poly1305Aead.encrypt(key, nonce, plaintext, null), nonce);
    }

    @Override
    public byte[] decrypt(byte[] key, SymmetricCiphertext ciphertext) throws CryptoException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ciphertext, "ciphertext");
        return XChaCha20Poly1305Aead.decrypt(key, ciphertext.nonce(), ciphertext.ciphertext(), null);
    }

    @Override
    public String toString() {
        return "CryptoSuite[" + ID + "]";
    }
}
