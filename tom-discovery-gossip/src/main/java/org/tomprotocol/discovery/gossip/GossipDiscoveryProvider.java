package org.tomprotocol.discovery.gossip;

import java.util.Objects;

import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.DiscoveryProvider;

/**
 * The {@code gossip} discovery: HyParView membership and PlumTree broadcast over whatever transports the
 * node has, configured by the node's {@code gossip.*} options (docs/gossip.md).
 */
public final class GossipDiscoveryProvider implements DiscoveryProvider {
    /** The provider id. */
    public static final String ID = "gossip";

    @Override
    public String id() {
        return ID;
    }

    /** Preferred over discovery providers of default priority: it is ToM's standard discovery. */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public java.util.List<org.tomprotocol.api.OptionSpec> options() {
        return GossipSettings.optionSpecs();
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.tomprotocol.api.ConfigurationException if a {@code gossip.*} option is unusable
     */
    @Override
    public Discovery create(DiscoveryContext context) {
        Objects.requireNonNull(context, "context");
        return new GossipDiscovery(context, GossipSettings.from(context.options()));
    }
}
