/**
 * The ToM protocol engine. It exports nothing: applications reach it through {@code Tom.node()} and plugins
 * never see it. It finds every plugin kind with {@link java.util.ServiceLoader}.
 *
 * @uses org.tomprotocol.api.spi.EngineProvider
 * @uses org.tomprotocol.spi.crypto.CryptoSuiteProvider
 * @uses org.tomprotocol.spi.transport.TransportProvider
 * @uses org.tomprotocol.spi.discovery.DiscoveryProvider
 * @uses org.tomprotocol.spi.store.StoreProvider
 * @uses org.tomprotocol.spi.anchor.AnchorProvider
 * @uses org.tomprotocol.spi.runtime.RuntimeProvider
 * @provides org.tomprotocol.api.spi.EngineProvider
 */
module org.tomprotocol.core {
    requires org.tomprotocol.spi;
    requires org.agrona;
    requires org.jctools.core;
    requires msgpack.core;
    // an automatic module named after its jar (the image gives it a descriptor of that name)
    requires HdrHistogram;
    // JCTools and Agrona reach sun.misc.Unsafe but only declare `requires static`: make sure it is resolved.
    requires jdk.unsupported;

    uses org.tomprotocol.api.spi.EngineProvider;
    uses org.tomprotocol.spi.crypto.CryptoSuiteProvider;
    uses org.tomprotocol.spi.transport.TransportProvider;
    uses org.tomprotocol.spi.discovery.DiscoveryProvider;
    uses org.tomprotocol.spi.store.StoreProvider;
    uses org.tomprotocol.spi.anchor.AnchorProvider;
    uses org.tomprotocol.spi.runtime.RuntimeProvider;

    provides org.tomprotocol.api.spi.EngineProvider with org.tomprotocol.core.TomEngineProvider;
}
