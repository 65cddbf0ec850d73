package org.tomprotocol.discovery.gossip;

import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.tck.DiscoveryTck;

/** The discovery TCK on the gossip discovery (HyParView and PlumTree) with its default options. */
class GossipDiscoveryTckTest extends DiscoveryTck {
    @Override
    protected DiscoveryProvider provider() {
        return new GossipDiscoveryProvider();
    }
}
