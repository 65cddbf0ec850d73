package org.example.tom.staticpeers;

import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.tck.DiscoveryTck;

/** The ToM discovery TCK, run against this plugin with its default options. */
class StaticPeersDiscoveryTckTest extends DiscoveryTck {
    @Override
    protected DiscoveryProvider provider() {
        return new StaticPeersDiscoveryProvider();
    }
}
