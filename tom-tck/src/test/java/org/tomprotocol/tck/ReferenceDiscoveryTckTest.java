package org.tomprotocol.tck;

import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.tck.fixtures.DiscoveryFlaw;
import org.tomprotocol.tck.fixtures.MeshDiscoveryProvider;

/** The discovery suite on the reference mesh discovery of the TCK's own tests. */
class ReferenceDiscoveryTckTest extends DiscoveryTck {
    @Override
    protected DiscoveryProvider provider() {
        return new MeshDiscoveryProvider(DiscoveryFlaw.NONE);
    }
}
