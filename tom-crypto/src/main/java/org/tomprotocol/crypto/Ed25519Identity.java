package org.tomprotocol.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * A node identity from a 32-byte Ed25519 seed; the node id is the public key. Signing uses Bouncy Castle
 * (deterministic RFC 8032 signatures). The X25519 secret for opening sealed payloads is derived once. The JCA
 * keys are made on first use, since only transports that present the identity in TLS need them.
 */
final class Ed25519Identity implements LocalIdentity {
    static final int SEED_LENGTH = 32;

    private final byte[] seed;
    private final byte[] publicKey;
    private final NodeId id;
    private final byte[] x25519Secret;
    private volatile PrivateKey jcaPrivateKey;
    private volatile PublicKey jcaPublicKey;

    /** @param seed 32 bytes, copied */
    Ed25519Identity(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
        }
        this.seed = seed.clone();
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
        this.id = NodeId.of(publicKey);
        this.x25519Secret = EdwardsToMontgomery.secretKey(this.seed);
    }

    @Override
    public NodeId id() {
        return id;
    }

    @Override
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public PrivateKey privateKey() {
        PrivateKey key = jcaPrivateKey;
        if (key == null) {
            key = JcaEd25519Keys.privateKey(seed);
            jcaPrivateKey = key;
        }
        return key;
    }

    @Override
    public PublicKey publicKey() {
        PublicKey key = jcaPublicKey;
        if (key == null) {
            key = JcaEd25519Keys.publicKey(publicKey);
            jcaPublicKey = key;
        }
        return key;
    }

    /** The X25519 secret (not a copy: callers must not modify it). */
    byte[] x25519Secret() {
        return x25519Secret;
    }

    /** Shows the node id only, never key material. */
    @Override
    public String toString() {
        return "LocalIdentity[" + id + "]";
    }
}
