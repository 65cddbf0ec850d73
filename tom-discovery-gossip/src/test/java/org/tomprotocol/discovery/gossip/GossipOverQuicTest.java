package org.tomprotocol.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;

/**
 * Real nodes (engine, tom-v1, QUIC on loopback, gossip found by ServiceLoader), each told about one peer
 * only: discovery must make every node know every other, and the signed announces carry names.
 */
class GossipOverQuicTest {
    private static final Duration EVERYONE_KNOWS_EVERYONE = Duration.ofSeconds(30);

    private final List<TomNode> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(TomNode::close);
    }

    private TomNode start(String name, TomNode bootstrap) {
        var builder = Tom.node().transports("quic").listen("127.0.0.1:0").option("node.name", name);
        if (bootstrap != null) {
            builder.bootstrap(loopback(bootstrap));
        }
        TomNode node = builder.start();
        nodes.add(node);
        return node;
    }

    private static PeerAddress loopback(TomNode node) {
        return PeerAddress.of(node.id(), node.addresses().stream()
                .filter(a -> a.address().startsWith("127.0.0.1:")).findFirst().orElseThrow());
    }

    private static Set<NodeId> known(TomNode node) {
        return node.peers().stream().map(PeerInfo::id).collect(Collectors.toSet());
    }

    private boolean everyoneKnowsEveryone() {
        Set<NodeId> all = nodes.stream().map(TomNode::id).collect(Collectors.toSet());
        return nodes.stream().allMatch(node -> known(node).containsAll(
                all.stream().filter(id -> !id.equals(node.id())).toList()));
    }

    /** Polls what the nodes reach asynchronously over the real network; ends as soon as it holds. */
    private static void eventually(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void tenNodesEachGivenOneBootstrapPeerAllKnowEachOther() throws InterruptedException {
        Random random = new Random(10);
        start("node-0", null);
        for (int i = 1; i < 10; i++) {
            start("node-" + i, nodes.get(random.nextInt(nodes.size())));
        }

        eventually(EVERYONE_KNOWS_EVERYONE, "every node knows the 9 others", this::everyoneKnowsEveryone);

        // names travel only in the signed announces, which may trail the sessions by a moment
        eventually(EVERYONE_KNOWS_EVERYONE, "every node has the 9 others' announces",
                () -> nodes.stream().allMatch(node -> node.peers().stream().filter(p -> !p.name().isEmpty()).count() == 9));
        for (int i = 0; i < nodes.size(); i++) {
            assertThat(nodes.get(i).peers()).extracting(PeerInfo::name).hasSize(9).doesNotHaveDuplicates()
                    .allMatch(name -> name.startsWith("node-")).doesNotContain("node-" + i);
        }
    }

    @Test
    void twoNodesThatShareOnePeerDiscoverEachOtherAndTalk() throws InterruptedException {
        TomNode carol = start("carol", null);
        TomNode alice = start("alice", carol);
        eventually(Duration.ofSeconds(10), "alice joined carol", () -> known(carol).contains(alice.id()));
        TomNode bob = start("bob", carol);

        eventually(Duration.ofSeconds(10), "alice and bob know each other",
                () -> known(alice).contains(bob.id()) && known(bob).contains(alice.id()));

        List<byte[]> inbox = new java.util.concurrent.CopyOnWriteArrayList<>();
        bob.onMessage(message -> inbox.add(message.payload()));
        var sent = alice.send(bob.id(), "hello bob".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        eventually(Duration.ofSeconds(10), "alice's message delivered", () -> sent.status().isDelivered());
        assertThat(inbox).singleElement().extracting(String::new).isEqualTo("hello bob");
    }
}
