/**
 * The service provider interfaces of ToM: what a plugin author implements to add a transport, a discovery
 * mechanism, a crypto suite, a durable store, an anchor (an observer of the network) or the runtime nodes run on. Providers are found
 * with {@link java.util.ServiceLoader}; a provider module exports nothing and only {@code provides}.
 */
module org.tomprotocol.spi {
    requires transitive org.tomprotocol.api;

    exports org.tomprotocol.spi.anchor;
    exports org.tomprotocol.spi.crypto;
    exports org.tomprotocol.spi.discovery;
    exports org.tomprotocol.spi.runtime;
    exports org.tomprotocol.spi.state;
    exports org.tomprotocol.spi.store;
    exports org.tomprotocol.spi.transport;
}
