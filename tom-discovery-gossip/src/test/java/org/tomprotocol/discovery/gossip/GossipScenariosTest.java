package org.tomprotocol.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.testkit.VirtualRuntime;
import org.tomprotocol.testkit.gossip.GossipNetwork;

/** Many gossip discoveries on the testkit's event network: joins, failures, partitions, broadcasts. */
class GossipScenariosTest {
    private final VirtualRuntime runtime = new VirtualRuntime();
    private final GossipNetwork network = new GossipNetwork(runtime, new GossipDiscoveryProvider(), 21);

    private List<NodeId> startNodes(int count, boolean allThroughTheFirst) {
        List<NodeId> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            NodeId node = network.addNode();
            network.start(node, i == 0 ? List.of() : List.of(nodes.get(allThroughTheFirst ? 0 : i - 1)));
            nodes.add(node);
            runtime.runFor(Duration.ofMillis(20));
        }
        return nodes;
    }

    private Set<NodeId> reachableFrom(NodeId start) {
        Set<NodeId> seen = new HashSet<>(List.of(start));
        ArrayDeque<NodeId> queue = new ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            for (NodeId next : network.neighbors(queue.poll())) {
                if (network.isAlive(next) && seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    private static byte[] payload(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<NodeId> deliveredBy(List<NodeId> nodes, byte[] payload) {
        return nodes.stream().filter(node -> network.hasDelivered(node, payload)).toList();
    }

    @Test
    void fiftyNodesJoiningThroughOneBootstrapFormOneSymmetricOverlay() {
        List<NodeId> nodes = startNodes(50, true);
        runtime.runFor(Duration.ofSeconds(30));

        for (NodeId node : nodes) {
            Set<NodeId> neighbors = network.neighbors(node);
            assertThat(neighbors).as("neighbours of %s", node.shortForm()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            neighbors.forEach(neighbor -> assertThat(network.neighbors(neighbor)).contains(node));
        }
        assertThat(reachableFrom(nodes.get(0))).containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(network.neighbors(nodes.get(0))).as("the bootstrap node did not keep everyone").hasSize(5);

        byte[] hello = payload("hello");
        network.broadcast(nodes.get(17), hello);
        runtime.runFor(Duration.ofSeconds(2));
        assertThat(deliveredBy(nodes, hello)).containsExactlyInAnyOrderElementsOf(
                nodes.stream().filter(node -> !node.equals(nodes.get(17))).toList());
        assertThat(network.counts().sendsWithoutAddress()).as("never sent to a node it had no address for").isZero();
        assertThat(network.counts().wrongAddresses()).isZero();
        assertThat(network.counts().rejected()).isZero();
    }

    @Test
    void aCrashedNeighbourIsReplacedAndBroadcastsStillReachEveryone() {
        List<NodeId> nodes = startNodes(40, false);
        runtime.runFor(Duration.ofSeconds(40));
        NodeId watched = nodes.get(20);
        List<NodeId> before = List.copyOf(network.neighbors(watched));
        NodeId victim = before.get(0);

        network.fail(victim);
        runtime.runFor(Duration.ofSeconds(5));

        Set<NodeId> after = network.neighbors(watched);
        assertThat(after).doesNotContain(victim).hasSizeGreaterThanOrEqualTo(before.size());
        assertThat(after).as("a replacement came in").isNotEqualTo(Set.copyOf(before));
        List<NodeId> live = network.liveNodes();
        for (NodeId node : live) {
            assertThat(network.neighbors(node)).doesNotContain(victim);
        }
        byte[] afterFailure = payload("after the failure");
        network.broadcast(watched, afterFailure);
        runtime.runFor(Duration.ofSeconds(2));
        assertThat(deliveredBy(live, afterFailure)).hasSize(live.size() - 1);
    }

    @Test
    void aPartitionSplitsTheBroadcastsAndTheOverlayReconnectsAfterItHeals() {
        List<NodeId> nodes = startNodes(30, false);
        runtime.runFor(Duration.ofSeconds(30));
        List<NodeId> left = nodes.subList(0, 15);
        List<NodeId> right = nodes.subList(15, 30);

        network.partition(left, right);
        runtime.runFor(Duration.ofSeconds(20));
        byte[] during = payload("during the partition");
        network.broadcast(left.get(3), during);
        runtime.runFor(Duration.ofSeconds(2));

        assertThat(deliveredBy(nodes, during)).hasSize(14).allMatch(left::contains);
        for (NodeId node : left) {
            assertThat(network.neighbors(node)).as("no neighbour across the cut").noneMatch(right::contains);
        }

        network.heal();
        runtime.runFor(Duration.ofSeconds(60));
        byte[] healed = payload("after healing");
        network.broadcast(right.get(5), healed);
        runtime.runFor(Duration.ofSeconds(2));

        assertThat(deliveredBy(nodes, healed)).hasSize(29);
        assertThat(reachableFrom(left.get(0))).containsExactlyInAnyOrderElementsOf(nodes);
    }

    @Test
    void aPayloadIsDeliveredOnceEvenWhenBroadcastAgainFromElsewhere() {
        List<NodeId> nodes = startNodes(25, false);
        runtime.runFor(Duration.ofSeconds(20));
        byte[] announce = payload("the same announce");

        network.broadcast(nodes.get(0), announce);
        runtime.runFor(Duration.ofSeconds(2));
        network.broadcast(nodes.get(12), announce);
        runtime.runFor(Duration.ofSeconds(2));

        assertThat(deliveredBy(nodes, announce)).hasSize(24).doesNotContain(nodes.get(0));
        assertThat(network.counts().duplicateDeliveries()).isZero();
    }

    @Test
    void aContactIntroducesANewcomerToItsPeersAndThemToIt() {
        List<NodeId> nodes = startNodes(6, true);
        runtime.runFor(Duration.ofSeconds(5));
        NodeId contact = nodes.get(0);
        Set<NodeId> contactPeers = new HashSet<>(network.neighbors(contact));

        NodeId newcomer = network.addNode();
        network.start(newcomer, List.of(contact));
        runtime.runFor(Duration.ofMillis(300));

        contactPeers.remove(newcomer);
        assertThat(network.knownPeers(newcomer)).containsAll(contactPeers);
        for (NodeId peer : contactPeers) {
            assertThat(network.knownPeers(peer)).as("%s learned the newcomer's address", peer.shortForm())
                    .contains(newcomer);
        }
    }
}
