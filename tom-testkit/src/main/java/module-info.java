/**
 * The ToM test kit: a deterministic discrete-event runtime on virtual time ({@code VirtualRuntime}), an
 * in-memory network model with latency, jitter, loss, duplication, reordering, partitions and crashes
 * ({@code MemoryNetwork}) and the {@code mem} transport that runs over it. Many engines can run in one JVM,
 * in one thread, reproducibly from a seed.
 *
 * <p>The test kit is a library: it registers no service. Tests and simulations hand its transport provider
 * to nodes explicitly; the {@code tom-transport-mem} plugin registers the same transport with
 * {@link java.util.ServiceLoader}, on a process-wide network on real time.
 *
 * <p>{@code org.tomprotocol.testkit.sim} runs many real engines on that network ({@code tom sim});
 * {@code org.tomprotocol.testkit.gossip} simulates thousands of discovery instances (any
 * {@link org.tomprotocol.spi.discovery.DiscoveryProvider}, found with {@link java.util.ServiceLoader}) on a
 * lightweight event network, e.g. the HyParView/PlumTree failure experiment of {@code tom sim gossip}.
 *
 * @uses org.tomprotocol.spi.crypto.CryptoSuiteProvider
 * @uses org.tomprotocol.spi.discovery.DiscoveryProvider
 */
module org.tomprotocol.testkit {
    requires transitive org.tomprotocol.spi;

    exports org.tomprotocol.testkit;
    exports org.tomprotocol.testkit.sim;
    exports org.tomprotocol.testkit.gossip;

    uses org.tomprotocol.spi.crypto.CryptoSuiteProvider;
    uses org.tomprotocol.spi.discovery.DiscoveryProvider;
}
