package org.tomprotocol.spi.discovery;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.spi.Provider;

/** Provides a discovery mechanism: how nodes find each other and spread announcements. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface DiscoveryProvider extends Provider {
    /** Creates the discovery state machine of one node. */
    Discovery create(DiscoveryContext context);
}
