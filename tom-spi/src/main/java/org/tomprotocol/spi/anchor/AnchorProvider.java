package org.tomprotocol.spi.anchor;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.spi.Provider;

/**
 * Provides an anchor: the L1 layer of lock 3, which observes and records what the network does but never
 * decides anything for it. Its contract is shaped so that it cannot: nothing it returns reaches a protocol
 * decision.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface AnchorProvider extends Provider {
    /**
     * Opens the anchor of one node: a new one for each call, since nodes of one process must not share an anchor
     * (closing one node would close the other's).
     */
    Anchor open(NodeId localNode);
}
