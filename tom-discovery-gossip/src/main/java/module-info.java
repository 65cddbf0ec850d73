/**
 * Provides the {@code gossip} discovery: HyParView membership and PlumTree broadcast, both IO-less state
 * machines driven by the engine's agent and clock, exchanging their frames with peers through the transport
 * SPI, so they work over any transport. Exports nothing.
 *
 * @provides org.tomprotocol.spi.discovery.DiscoveryProvider
 */
module org.tomprotocol.discovery.gossip {
    requires org.tomprotocol.spi;

    provides org.tomprotocol.spi.discovery.DiscoveryProvider
            with org.tomprotocol.discovery.gossip.GossipDiscoveryProvider;
}
