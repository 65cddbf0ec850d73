package org.tomprotocol.spi.discovery;

import org.tomprotocol.api.Api;

/**
 * The node's verdict on a broadcast payload that a {@link Discovery} asked it to check with
 * {@link DiscoveryContext#validate}, in the manner of libp2p gossipsub's validation results. Until the verdict
 * arrives the discovery neither stores, forwards, announces nor serves the payload, so what a node refuses
 * never travels further than that node.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum Validation {
    /** Valid and new: store it, spread it, and serve it to neighbours that ask. */
    ACCEPT,
    /**
     * Valid but not worth spreading (stale, replayed, this node's own): drop it without blaming the neighbour
     * that sent it, which may well have seen it earlier than this node.
     */
    IGNORE,
    /**
     * Invalid (bad signature, malformed): drop it and count it against the neighbour that sent it. An honest
     * node checks before it forwards, so it never sends such a payload.
     */
    REJECT
}
