package org.tomprotocol.testkit.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.MemoryStoreProvider;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * The engines of an offline simulation: always-on hubs without a store, and ordinary nodes, each durable (a data
 * directory in a {@link MemoryStoreProvider}) and closed and started again on it with the same identity. A node
 * is told its hubs and direct peers at its first start only; started again, it has its peer book alone.
 */
final class OfflineNodes implements AutoCloseable {
    private final VirtualRuntime runtime;
    private final MemoryNetwork network;
    private final CryptoSuiteProvider crypto;
    private final MemoryStoreProvider stores = new MemoryStoreProvider();
    private final Path dataDirs;
    private final long seed;
    private final List<TomNode> hubs = new ArrayList<>();
    private final List<byte[]> identities = new ArrayList<>();
    private final List<NodeId> ids = new ArrayList<>();
    private final List<TomNode> ordinary = new ArrayList<>();
    private final BiConsumer<Integer, InboundMessage> inbox;
    private int starts;

    OfflineNodes(VirtualRuntime runtime, MemoryNetwork network, CryptoSuiteProvider crypto, long seed,
                 BiConsumer<Integer, InboundMessage> inbox) {
        this.runtime = runtime;
        this.network = network;
        this.crypto = crypto;
        this.seed = seed;
        this.inbox = inbox;
        try {
            this.dataDirs = Files.createTempDirectory("tom-sim-offline-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the simulated data directories", e);
        }
    }

    /** Starts the hubs, linked to each other, then every ordinary node, linked to the hubs and to some others. */
    void startAll(int hubCount, int nodeCount, double relayFraction, Random random) {
        for (int h = 0; h < hubCount; h++) {
            TomNode hub = builder(SimNodes.identitySeed(random), "mem:hub" + h).start();
            for (int other = 0; other < h; other++) {
                hub.addPeer(hubAddress(other));
            }
            hubs.add(hub);
        }
        for (int i = 0; i < nodeCount; i++) {
            identities.add(SimNodes.identitySeed(random));
            NodeBuilder builder = durable(i);
            for (int h = 0; h < hubCount; h++) {
                builder.bootstrap(hubAddress(h));
            }
            TomNode node = started(i, builder);
            ids.add(node.id());
            ordinary.add(node);
        }
        for (int i = 0; i < nodeCount; i++) {
            for (int j = 0; j < i; j++) {
                if (random.nextDouble() >= relayFraction) {
                    ordinary.get(i).addPeer(PeerAddress.of(ids.get(j), address(j)));
                }
            }
        }
    }

    /** Closes ordinary node {@code i}: its store keeps what it accepted and delivered. */
    void stop(int i) {
        ordinary.get(i).close();
        ordinary.set(i, null);
    }

    /** Starts ordinary node {@code i} again on its data directory, told no peer. */
    void restart(int i) {
        ordinary.set(i, started(i, durable(i)));
    }

    boolean online(int i) {
        return ordinary.get(i) != null;
    }

    TomNode node(int i) {
        return ordinary.get(i);
    }

    NodeId id(int i) {
        return ids.get(i);
    }

    int size() {
        return ids.size();
    }

    /** Whether ordinary node {@code i} is up and has a session to a hub. */
    boolean reachesAHub(int i) {
        TomNode node = ordinary.get(i);
        if (node == null) {
            return false;
        }
        List<NodeId> hubIds = hubs.stream().map(TomNode::id).toList();
        return node.peers().stream().filter(PeerInfo::directSession).map(PeerInfo::id).anyMatch(hubIds::contains);
    }

    MemoryStoreProvider stores() {
        return stores;
    }

    private TomNode started(int i, NodeBuilder builder) {
        TomNode node = builder.start();
        node.onMessage(message -> inbox.accept(i, message));
        return node;
    }

    private NodeBuilder durable(int i) {
        return builder(identities.get(i), address(i).toString()).provider(stores).dataDir(dataDirs.resolve("n" + i));
    }

    private NodeBuilder builder(byte[] identity, String listen) {
        return SimNodes.builder(runtime, network, crypto, identity, listen, seed + starts++);
    }

    private PeerAddress hubAddress(int h) {
        return PeerAddress.of(hubs.get(h).id(), TransportAddress.parse("mem:hub" + h));
    }

    private static TransportAddress address(int i) {
        return TransportAddress.parse("mem:n" + i);
    }

    @Override
    public void close() {
        hubs.forEach(TomNode::close);
        ordinary.stream().filter(java.util.Objects::nonNull).forEach(TomNode::close);
        runtime.runFor(Duration.ofSeconds(1));
        try (Stream<Path> paths = Files.walk(dataDirs)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the simulated data directories could not be deleted", e);
        }
    }
}
