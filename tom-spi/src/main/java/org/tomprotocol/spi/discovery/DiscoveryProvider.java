package org.tomprotocol.spi.discovery;

import org.tomprotocol.api.spi.Provider;

/** Provides a discovery mechanism: how nodes find each other and spread announcements. */
public interface DiscoveryProvider extends Provider {
    /** Creates the discovery state machine of one node. */
    Discovery create(DiscoveryContext context);
}
