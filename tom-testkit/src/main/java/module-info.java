/**
 * The ToM test kit: a deterministic discrete-event runtime on virtual time ({@code VirtualRuntime}), an
 * in-memory network model with latency, jitter, loss, duplication, reordering, partitions and crashes
 * ({@code MemoryNetwork}) and the {@code mem} transport that runs over it. Many engines can run in one JVM,
 * in one thread, reproducibly from a seed.
 *
 * <p>The {@code mem} transport is also a {@link org.tomprotocol.spi.transport.TransportProvider} found by
 * {@link java.util.ServiceLoader}: without configuration it joins a process-wide network on real time, so
 * two ordinary nodes in one JVM can talk over {@code mem:} addresses.
 *
 * <p>{@code org.tomprotocol.testkit.gossip} simulates thousands of discovery instances (any
 * {@link org.tomprotocol.spi.discovery.DiscoveryProvider}, found with {@link java.util.ServiceLoader}) on a
 * lightweight event network, e.g. the HyParView/PlumTree failure experiment of {@code tom sim gossip}.
 *
 * @uses org.tomprotocol.spi.discovery.DiscoveryProvider
 */
module org.tomprotocol.testkit {
    requires transitive org.tomprotocol.spi;

    exports org.tomprotocol.testkit;
    exports org.tomprotocol.testkit.gossip;

    uses org.tomprotocol.spi.discovery.DiscoveryProvider;

    provides org.tomprotocol.spi.transport.TransportProvider
            with org.tomprotocol.testkit.MemoryTransportProvider;
}
