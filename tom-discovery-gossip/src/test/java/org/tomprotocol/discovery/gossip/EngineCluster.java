package org.tomprotocol.discovery.gossip;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.testkit.LinkModel;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/** Real engines with the gossip discovery on the testkit's in-memory network and virtual clock. */
final class EngineCluster implements AutoCloseable {
    final VirtualRuntime runtime = new VirtualRuntime();
    final MemoryNetwork network;
    private final List<TomNode> nodes = new ArrayList<>();
    private final Map<NodeId, String> names = new HashMap<>();
    private final Map<NodeId, GossipDiscovery> discoveries = new HashMap<>();
    private final long seed;

    EngineCluster(long seed) {
        this.seed = seed;
        this.network = new MemoryNetwork(runtime, seed).defaultLink(LinkModel.withLatency(5));
    }

    /** Starts node {@code name} listening on {@code mem:<name>}, joining through {@code bootstrap}. */
    TomNode node(String name, TomNode... bootstrap) {
        return node(name, Map.of(), bootstrap);
    }

    /** {@link #node(String, TomNode...)} with node options. */
    TomNode node(String name, Map<String, String> options, TomNode... bootstrap) {
        byte[] identitySeed = new byte[32];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(nameBytes, 0, identitySeed, 0, Math.min(nameBytes.length, 32));
        var builder = Tom.node()
                .provider(runtime)
                .serviceLoading(false)
                .provider(new TomV1CryptoSuiteProvider())
                .provider(network.transportProvider())
                .provider(new InspectableGossip())
                .identitySeed(identitySeed)
                .listen("mem:" + name)
                .randomSeed(seed * 100 + nodes.size());
        for (TomNode contact : bootstrap) {
            builder.bootstrap(address(contact));
        }
        options.forEach(builder::option);
        TomNode node = builder.start();
        names.put(node.id(), name);
        nodes.add(node);
        return node;
    }

    /** The gossip discovery running in {@code node}, to look at what it holds (read between runs only). */
    GossipDiscovery discovery(TomNode node) {
        return discoveries.get(node.id());
    }

    PeerAddress address(TomNode node) {
        return PeerAddress.of(node.id(), TransportAddress.parse("mem:" + names.get(node.id())));
    }

    /** Whether {@code node}'s peer list has {@code peer} with at least one address. */
    static boolean knowsAddress(TomNode node, NodeId peer) {
        for (PeerInfo info : node.peers()) {
            if (info.id().equals(peer) && !info.addresses().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    boolean runUntil(BooleanSupplier condition, Duration timeout) {
        return runtime.runUntil(condition, timeout);
    }

    void run(Duration duration) {
        runtime.runFor(duration);
    }

    /** The gossip provider, keeping each node's instance for {@link #discovery}. */
    private final class InspectableGossip implements DiscoveryProvider {
        @Override
        public String id() {
            return GossipDiscoveryProvider.ID;
        }

        @Override
        public Discovery create(DiscoveryContext context) {
            GossipDiscovery created = new GossipDiscovery(context, GossipSettings.from(context.options()));
            discoveries.put(context.localId(), created);
            return created;
        }
    }

    @Override
    public void close() {
        for (TomNode node : nodes) {
            node.close();
        }
        runtime.runFor(Duration.ofSeconds(1));
    }
}
