package org.tomprotocol.testkit.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.discovery.Validation;
import org.tomprotocol.testkit.VirtualRuntime;

class GossipNetworkTest {
    private final VirtualRuntime runtime = new VirtualRuntime();
    private final FloodingProvider provider = new FloodingProvider();
    private final GossipNetwork network = new GossipNetwork(runtime, provider, 5).latency(20, 20);
    private final long start = runtime.nowMillis();

    private long elapsed() {
        return runtime.nowMillis() - start;
    }

    private FloodingProvider.Flooding flooding(NodeId node) {
        return provider.nodes.get(node);
    }

    private List<String> log(NodeId node, NodeId peer) {
        return flooding(node).log.stream().filter(line -> line.endsWith(peer.shortForm()))
                .map(line -> (Long.parseLong(line.substring(0, line.indexOf(' '))) - start)
                        + line.substring(line.indexOf(' ')).replace(" " + peer.shortForm(), ""))
                .toList();
    }

    @Test
    void aFirstFrameWaitsForTheHandshakeAndBothSidesSeeTheSession() {
        NodeId a = network.addNode();
        NodeId b = network.addNode();
        network.start(a, List.of());
        network.start(b, List.of(a));
        runtime.runFor(Duration.ofMillis(100));

        assertThat(log(a, b)).containsExactly("20 connected", "60 frame");
        assertThat(log(b, a)).containsExactly("40 connected");

        network.broadcast(a, new byte[] {7});
        runtime.runFor(Duration.ofMillis(100));
        assertThat(log(b, a)).containsExactly("40 connected", "120 frame");
        assertThat(network.hasDelivered(b, new byte[] {7})).isTrue();
        assertThat(network.counts().sessionsOpened()).isEqualTo(1);
    }

    @Test
    void latenciesStayInTheRangeAreSymmetricAndVary() {
        SimulatedLinks links = new SimulatedLinks(3);
        links.latency(10, 50);
        Set<Long> seen = new HashSet<>();
        for (int a = 0; a < 30; a++) {
            for (int b = a + 1; b < 30; b++) {
                long latency = links.latency(a, b);
                assertThat(latency).isBetween(10L, 50L).isEqualTo(links.latency(b, a));
                seen.add(latency);
            }
        }
        assertThat(seen).hasSizeGreaterThan(30);
    }

    @Test
    void aNodeCannotReachAPeerItWasNeverToldAbout() {
        NodeId a = network.addNode();
        NodeId b = network.addNode();
        network.start(a, List.of());
        network.start(b, List.of());

        flooding(a).context.send(b, new byte[] {0});
        runtime.runFor(Duration.ofSeconds(1));
        assertThat(network.counts().sendsWithoutAddress()).isEqualTo(1);
        assertThat(flooding(b).log).isEmpty();

        flooding(a).context.learnAddresses(PeerAddress.of(b, network.addressOf(b)));
        flooding(a).context.learnAddresses(PeerAddress.of(b, new TransportAddress("sim", "node-0")));
        flooding(a).context.send(b, new byte[] {0});
        runtime.runFor(Duration.ofSeconds(1));
        assertThat(network.knownPeers(a)).containsExactly(b);
        assertThat(network.counts().wrongAddresses()).isEqualTo(1);
        assertThat(flooding(b).neighbors).containsExactly(a);
    }

    @Test
    void sendingOnASessionToACrashedPeerReportsItBrokenAfterARoundTrip() {
        NodeId a = network.addNode();
        NodeId b = network.addNode();
        network.start(a, List.of());
        network.start(b, List.of(a));
        runtime.runFor(Duration.ofMillis(100));

        network.fail(b);
        network.broadcast(a, new byte[] {1});
        runtime.runFor(Duration.ofMillis(100));

        assertThat(log(a, b)).containsExactly("20 connected", "60 frame", "140 disconnected");
        assertThat(network.counts().framesLost()).isEqualTo(1);
        assertThat(network.liveNodes()).containsExactly(a);
    }

    @Test
    void aSilentSessionToACrashedPeerIsReportedBrokenAfterTheIdleTimeout() {
        network.idleTimeout(Duration.ofSeconds(3));
        NodeId a = network.addNode();
        NodeId b = network.addNode();
        network.start(a, List.of());
        network.start(b, List.of(a));
        runtime.runFor(Duration.ofMillis(100));

        network.fail(b);
        runtime.runFor(Duration.ofSeconds(5));

        assertThat(log(a, b)).containsExactly("20 connected", "60 frame", "3100 disconnected");
    }

    @Test
    void aPartitionDropsFramesBothWaysUntilItHeals() {
        List<NodeId> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(network.addNode());
            network.start(nodes.get(i), i == 0 ? List.of() : List.of(nodes.get(i - 1)));
        }
        runtime.runFor(Duration.ofMillis(200));

        network.partition(List.of(nodes.get(0)), List.of(nodes.get(1), nodes.get(2)));
        network.broadcast(nodes.get(2), new byte[] {9});
        runtime.runFor(Duration.ofMillis(200));
        assertThat(network.hasDelivered(nodes.get(1), new byte[] {9})).isTrue();
        assertThat(network.hasDelivered(nodes.get(0), new byte[] {9})).isFalse();

        network.heal();
        flooding(nodes.get(0)).neighbors.add(nodes.get(1));
        network.broadcast(nodes.get(0), new byte[] {8});
        runtime.runFor(Duration.ofMillis(200));
        assertThat(network.hasDelivered(nodes.get(2), new byte[] {8})).isTrue();
        assertThatThrownBy(() -> network.partition(List.of(nodes.get(0)), List.of(nodes.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameSeedGivesTheSameIdsAndNodesGetTheirOptions() {
        GossipNetwork twin = new GossipNetwork(new VirtualRuntime(), new FloodingProvider(), 5);
        network.options(Map.of("gossip.x", "1"));
        NodeId a = network.addNode();
        NodeId twinA = twin.addNode();
        network.start(a, List.of());

        assertThat(twinA).isEqualTo(a);
        assertThat(flooding(a).context.options()).containsEntry("gossip.x", "1");
        assertThat(flooding(a).context.localAddresses()).containsExactly(network.addressOf(a));
        assertThatThrownBy(() -> network.start(a, List.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPayloadAcceptedTwiceByOneNodeIsCountedAsADuplicateDelivery() {
        NodeId a = network.addNode();
        network.start(a, List.of());

        flooding(a).context.validate(1, a, new byte[] {3});
        flooding(a).context.validate(2, a, new byte[] {3});
        runtime.runFor(Duration.ofMillis(1));

        assertThat(network.counts().duplicateDeliveries()).isEqualTo(1);
    }

    @Test
    void theVerdictComesAsTheNextEventAndOnlyAnAcceptedPayloadCountsAsDelivered() {
        network.validator((node, from, payload) -> payload[0] == 66 ? Validation.REJECT : Validation.ACCEPT);
        NodeId a = network.addNode();
        NodeId b = network.addNode();
        network.start(a, List.of());
        network.start(b, List.of(a));
        runtime.runFor(Duration.ofMillis(100));

        network.broadcast(a, new byte[] {66});
        network.broadcast(a, new byte[] {7});
        runtime.runFor(Duration.ofMillis(100));

        List<String> log = flooding(b).log.stream().map(line -> (Long.parseLong(line.substring(0, line.indexOf(' ')))
                - start) + line.substring(line.indexOf(' '))).toList();
        assertThat(log).containsSubsequence("120 frame " + a.shortForm(), "120 frame " + a.shortForm(),
                "120 reject", "120 accept");
        assertThat(network.hasDelivered(b, new byte[] {66})).isFalse();
        assertThat(network.hasDelivered(b, new byte[] {7})).isTrue();
    }
}
