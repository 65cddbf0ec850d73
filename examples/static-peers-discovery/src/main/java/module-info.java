/**
 * The {@code static} discovery: connects a node to the peers listed in a file (option {@code static.peers-file}),
 * keeps greeting those that are away, and spreads the node's announces to its neighbours once the node accepted
 * them. An example of a ToM plugin: it requires the SPI only, exports nothing and provides one service, declared
 * here for the module path and in {@code META-INF/services} for the class path.
 */
module org.example.tom.staticpeers {
    requires org.tomprotocol.spi;

    provides org.tomprotocol.spi.discovery.DiscoveryProvider
            with org.example.tom.staticpeers.StaticPeersDiscoveryProvider;
}
