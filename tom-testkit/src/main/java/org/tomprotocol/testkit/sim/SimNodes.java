package org.tomprotocol.testkit.sim;

import java.util.Random;
import java.util.ServiceLoader;

import org.tomprotocol.api.NoProviderException;
import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.Tom;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/** How every simulator finds its crypto suite and starts a node on virtual time and the in-memory network. */
final class SimNodes {
    private SimNodes() {
    }

    /** The crypto suite on the module or class path; {@code command} names what needs it when there is none. */
    static CryptoSuiteProvider crypto(String command) {
        return ServiceLoader.load(CryptoSuiteProvider.class).findFirst().orElseThrow(() ->
                new NoProviderException(command + " needs a crypto suite: put tom-crypto on the module path"));
    }

    /** A fresh identity seed drawn from the run's {@code random}, so a run is the same for a seed. */
    static byte[] identitySeed(Random random) {
        byte[] identity = new byte[32];
        random.nextBytes(identity);
        return identity;
    }

    /**
     * A node on {@code runtime} and {@code network}, with {@code identity}, listening at {@code listen}, drawing its
     * own random choices (message ids among them) from {@code randomSeed}; nothing else loaded.
     */
    static NodeBuilder builder(VirtualRuntime runtime, MemoryNetwork network, CryptoSuiteProvider crypto,
                               byte[] identity, String listen, long randomSeed) {
        return Tom.node().provider(runtime).serviceLoading(false).provider(crypto)
                .provider(network.transportProvider()).identitySeed(identity).listen(listen).randomSeed(randomSeed);
    }
}
