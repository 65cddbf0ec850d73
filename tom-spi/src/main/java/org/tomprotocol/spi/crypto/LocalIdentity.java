package org.tomprotocol.spi.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;

/**
 * This node's key pair. The secret never leaves the object except as the {@link PrivateKey} that TLS stacks
 * need; {@code toString()} shows the node id only.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface LocalIdentity {
    /** The public key, as a node id. */
    NodeId id();

    /** Signs {@code message}. */
    byte[] sign(byte[] message);

    /** The secret key as a JCA {@code Ed25519} key, for transports that present it in a TLS handshake. */
    PrivateKey privateKey();

    /** The public key as a JCA {@code Ed25519} key. */
    PublicKey publicKey();
}
