package org.tomprotocol.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.cli.plugins.PluginContext;

/** The demo's nodes: real QUIC nodes on loopback, each bootstrapped from the previous one. */
final class DemoNetwork implements AutoCloseable {
    private final List<TomNode> nodes = new ArrayList<>();
    private final Map<MessageId, InboundMessage> received = new ConcurrentHashMap<>();
    private final List<Path> lateDirectories = new ArrayList<>();

    void start(int count, PrintWriter warnings) {
        for (int i = 0; i < count; i++) {
            startNode(org.tomprotocol.api.Tom.node(), warnings);
        }
    }

    /**
     * Starts one more node, keeping its identity (and, with a store, its state) in {@code dataDir}, which the
     * network deletes when it closes.
     */
    void startLate(Path dataDir, PrintWriter warnings) {
        lateDirectories.add(dataDir);
        startNode(org.tomprotocol.api.Tom.node().dataDir(dataDir), warnings);
    }

    private void startNode(org.tomprotocol.api.NodeBuilder builder, PrintWriter warnings) {
        int i = nodes.size();
        TomNode node = builder.plugins(PluginContext.source(warnings))
                .transports("quic").listen("127.0.0.1:0").option("node.name", name(i)).start();
        node.onMessage(message -> {
            received.put(message.id(), message);
            node.markRead(message);
        });
        if (i > 0) {
            node.addPeer(PeerAddress.of(nodes.get(i - 1).id(), loopback(nodes.get(i - 1))));
        }
        nodes.add(node);
    }

    static String name(int index) {
        return "node-" + index;
    }

    private static TransportAddress loopback(TomNode node) {
        return node.addresses().stream().filter(a -> a.address().startsWith("127.0.0.1:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("node has no loopback address: " + node.addresses()));
    }

    List<TomNode> nodes() {
        return nodes;
    }

    TomNode node(int index) {
        return nodes.get(index);
    }

    /** Whether every node knows every other, by discovery. */
    boolean everyoneKnowsEveryone() {
        for (TomNode node : nodes) {
            var known = node.peers().stream().map(p -> p.id()).collect(Collectors.toSet());
            for (TomNode other : nodes) {
                if (other != node && !known.contains(other.id())) {
                    return false;
                }
            }
        }
        return true;
    }

    InboundMessage received(MessageId id) {
        return received.get(id);
    }

    /** The demo name of {@code id}. */
    String nameOf(NodeId id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                return name(i);
            }
        }
        return id.shortForm();
    }

    @Override
    public void close() {
        nodes.forEach(TomNode::close);
        for (Path directory : lateDirectories) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (java.io.IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
