package org.tomprotocol.crypto.sodium;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * An identity that signs with libsodium. It wraps the base suite's identity of the same seed, which gives the JCA
 * keys TLS stacks need (and is what a seed file loads); libsodium's 64-byte secret key and the X25519 secret are
 * derived once.
 */
final class SodiumIdentity implements LocalIdentity {
    private static final int SIGNATURE_LENGTH = 64;

    private final Libsodium sodium;
    private final LocalIdentity base;
    private final byte[] signingKey;
    private final byte[] x25519Secret;

    /** @param seed 32 bytes, not kept (the caller wipes it) */
    SodiumIdentity(Libsodium sodium, LocalIdentity base, byte[] seed) {
        this.sodium = sodium;
        this.base = Objects.requireNonNull(base, "base");
        byte[] publicKey = new byte[32];
        this.signingKey = new byte[64];
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
        }
        sodium.signSeedKeypair(publicKey, signingKey, seed);
        if (!NodeId.of(publicKey).equals(base.id())) {
            throw new IllegalStateException("libsodium and the base suite derive different keys from one seed");
        }
        this.x25519Secret = new byte[32];
        sodium.secretKeyToCurve25519(x25519Secret, signingKey);
    }

    @Override
    public NodeId id() {
        return base.id();
    }

    @Override
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        byte[] signature = new byte[SIGNATURE_LENGTH];
        sodium.signDetached(signature, message, signingKey);
        return signature;
    }

    @Override
    public PrivateKey privateKey() {
        return base.privateKey();
    }

    @Override
    public PublicKey publicKey() {
        return base.publicKey();
    }

    /** The base suite's identity of the same seed. */
    LocalIdentity base() {
        return base;
    }

    /** The X25519 secret (not a copy: callers must not modify it). */
    byte[] x25519Secret() {
        return x25519Secret;
    }

    /** Shows the node id only, never key material. */
    @Override
    public String toString() {
        return "LocalIdentity[" + id() + "]";
    }
}
