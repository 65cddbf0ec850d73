package org.tomprotocol.crypto.sodium;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;
import org.tomprotocol.spi.crypto.StoredIdentity;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * {@code tom-v1} with signing, verification, sealing, opening and the AEAD on libsodium. What is not on the hot
 * path stays with the base (Bouncy Castle) suite: seed files, JCA keys, and whether a node id is a valid key (the
 * base caches that per peer). A key the base accepts but libsodium will not convert to X25519 is sealed by the
 * base, so both suites accept exactly the same inputs. Stateless apart from caches; thread-safe.
 */
final class SodiumSuite implements CryptoSuite {
    private static final int SEED_LENGTH = 32;
    private static final int SIGNATURE_LENGTH = 64;

    private final CryptoSuite base;
    private final Libsodium sodium;
    private final SodiumSealer sealer;
    private final MontgomeryKeys montgomeryKeys;

    SodiumSuite(CryptoSuite base, Libsodium sodium) {
        this.base = Objects.requireNonNull(base, "base");
        this.sodium = Objects.requireNonNull(sodium, "sodium");
        this.sealer = new SodiumSealer(sodium);
        this.montgomeryKeys = new MontgomeryKeys(sodium);
    }

    @Override
    public String id() {
        return base.id();
    }

    @Override
    public LocalIdentity generateIdentity() {
        byte[] seed = sealer.randomBytes(SEED_LENGTH);
        try {
            return identityFromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public LocalIdentity identityFromSeed(byte[] seed) {
        LocalIdentity baseIdentity = base.identityFromSeed(seed);
        return new SodiumIdentity(sodium, baseIdentity, seed);
    }

    @Override
    public StoredIdentity loadOrCreateIdentity(Path seedFile) {
        StoredIdentity stored = base.loadOrCreateIdentity(seedFile);
        Optional<byte[]> seed = Pkcs8Ed25519.seedOf(stored.identity().privateKey());
        if (seed.isEmpty()) {
            return stored;
        }
        try {
            return new StoredIdentity(new SodiumIdentity(sodium, stored.identity(), seed.get()), stored.seedFile(),
                    stored.created());
        } finally {
            Arrays.fill(seed.get(), (byte) 0);
        }
    }

    @Override
    public boolean verify(NodeId signer, byte[] message, byte[] signature) {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(message, "message");
        return signature != null && signature.length == SIGNATURE_LENGTH && base.isValidPublicKey(signer)
                && sodium.verifyDetached(signature, message, signer.toBytes()) == 0;
    }

    @Override
    public boolean isValidPublicKey(NodeId id) {
        return base.isValidPublicKey(id);
    }

    @Override
    public SealedPayload seal(NodeId recipient, byte[] plaintext) throws CryptoException {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(plaintext, "plaintext");
        if (!base.isValidPublicKey(recipient)) {
            throw new CryptoException("the recipient is not a valid public key");
        }
        Optional<byte[]> montgomery = montgomeryKeys.of(recipient);
        return montgomery.isPresent() ? sealer.seal(montgomery.get(), plaintext) : base.seal(recipient, plaintext);
    }

    @Override
    public byte[] open(LocalIdentity recipient, SealedPayload sealed) throws CryptoException {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sealed, "sealed");
        return recipient instanceof SodiumIdentity identity ? sealer.open(identity.x25519Secret(), sealed)
                : base.open(recipient, sealed);
    }

    @Override
    public byte[] newSymmetricKey() {
        return sealer.randomBytes(SodiumSealer.KEY_LENGTH);
    }

    @Override
    public SymmetricCiphertext encrypt(byte[] key, byte[] plaintext) throws CryptoException {
        Objects.requireNonNull(plaintext, "plaintext");
        checkKey(Objects.requireNonNull(key, "key"));
        byte[] nonce = sealer.randomBytes(SodiumSealer.NONCE_LENGTH);
        return new SymmetricCiphertext(sealer.encrypt(key, nonce, plaintext), nonce);
    }

    @Override
    public byte[] decrypt(byte[] key, SymmetricCiphertext ciphertext) throws CryptoException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        checkKey(Objects.requireNonNull(key, "key"));
        return sealer.decrypt(key, ciphertext.nonce(), ciphertext.ciphertext());
    }

    private static void checkKey(byte[] key) throws CryptoException {
        if (key.length != SodiumSealer.KEY_LENGTH) {
            throw new CryptoException("a symmetric key is 32 bytes, got " + key.length);
        }
    }

    @Override
    public String toString() {
        return "CryptoSuite[" + id() + " on libsodium]";
    }
}
