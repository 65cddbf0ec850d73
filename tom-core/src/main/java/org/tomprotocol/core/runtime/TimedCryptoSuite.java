package org.tomprotocol.core.runtime;

import java.nio.file.Path;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.runtime.CryptoTimes.Operation;
import org.tomprotocol.spi.crypto.CryptoException;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.crypto.SealedPayload;
import org.tomprotocol.spi.crypto.StoredIdentity;
import org.tomprotocol.spi.crypto.SymmetricCiphertext;

/**
 * The node's crypto suite as the engine's stages see it: every call goes to the provider's suite, and seal,
 * open and verify are timed ({@link CryptoTimes}). Signing is timed where the node signs, in
 * {@link EnvelopeSigner}, because the key lives in the identity, not the suite. Failed calls are timed too:
 * a forged signature costs as much to refuse as a genuine one to accept.
 */
final class TimedCryptoSuite implements CryptoSuite {
    private final CryptoSuite delegate;
    private final CryptoTimes times;

    TimedCryptoSuite(CryptoSuite delegate, CryptoTimes times) {
        this.delegate = delegate;
        this.times = times;
    }

    @Override
    public boolean verify(NodeId signer, byte[] message, byte[] signature) {
        long start = times.start();
        try {
            return delegate.verify(signer, message, signature);
        } finally {
            times.stop(Operation.VERIFY, start);
        }
    }

    @Override
    public SealedPayload seal(NodeId recipient, byte[] plaintext) throws CryptoException {
        long start = times.start();
        try {
            return delegate.seal(recipient, plaintext);
        } finally {
            times.stop(Operation.SEAL, start);
        }
    }

    @Override
    public byte[] open(LocalIdentity recipient, SealedPayload sealed) throws CryptoException {
        long start = times.start();
        try {
            return delegate.open(recipient, sealed);
        } finally {
            times.stop(Operation.OPEN, start);
        }
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public LocalIdentity generateIdentity() {
        return delegate.generateIdentity();
    }

    @Override
    public LocalIdentity identityFromSeed(byte[] seed) {
        return delegate.identityFromSeed(seed);
    }

    @Override
    public StoredIdentity loadOrCreateIdentity(Path seedFile) {
        return delegate.loadOrCreateIdentity(seedFile);
    }

    @Override
    public boolean isValidPublicKey(NodeId id) {
        return delegate.isValidPublicKey(id);
    }

    @Override
    public byte[] newSymmetricKey() {
        return delegate.newSymmetricKey();
    }

    @Override
    public SymmetricCiphertext encrypt(byte[] key, byte[] plaintext) throws CryptoException {
        return delegate.encrypt(key, plaintext);
    }

    @Override
    public byte[] decrypt(byte[] key, SymmetricCiphertext ciphertext) throws CryptoException {
        return delegate.decrypt(key, ciphertext);
    }
}
