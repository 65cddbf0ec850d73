package org.tomprotocol.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.testkit.LinkModel;

/** Real engines (crypto, signed announces, the mem transport) discovering each other through gossip. */
class GossipEndToEndTest {

    private static boolean knowsAll(TomNode node, List<TomNode> all) {
        return all.stream().filter(other -> other != node)
                .allMatch(other -> EngineCluster.knowsAddress(node, other.id()));
    }

    @Test
    void tenNodesEachBootstrappingFromOneOtherAllListEveryOtherPeer() {
        try (EngineCluster cluster = new EngineCluster(11)) {
            List<TomNode> nodes = new ArrayList<>();
            nodes.add(cluster.node("n0"));
            for (int i = 1; i < 10; i++) {
                nodes.add(cluster.node("n" + i, nodes.get((i * 7) % i)));
                cluster.run(Duration.ofMillis(50));
            }

            boolean everyoneKnowsEveryone = cluster.runUntil(
                    () -> nodes.stream().allMatch(node -> knowsAll(node, nodes)), Duration.ofSeconds(30));

            assertThat(everyoneKnowsEveryone).as("every node lists the 9 others with addresses").isTrue();
            for (TomNode node : nodes) {
                assertThat(node.peers()).extracting(PeerInfo::id).doesNotContain(node.id()).hasSize(9);
                assertThat(node.metrics().byKey().keySet())
                        .noneMatch(name -> name.startsWith("rejected.discovery"));
            }
        }
    }

    @Test
    void twoNodesSharingOnePeerLearnEachOthersAddressWithinOneSecond() {
        try (EngineCluster cluster = new EngineCluster(12)) {
            TomNode carol = cluster.node("carol");
            TomNode alice = cluster.node("alice", carol);
            cluster.run(Duration.ofSeconds(2));
            assertThat(EngineCluster.knowsAddress(alice, carol.id())).isTrue();

            TomNode bob = cluster.node("bob", carol);
            boolean introduced = cluster.runUntil(() -> EngineCluster.knowsAddress(alice, bob.id())
                    && EngineCluster.knowsAddress(bob, alice.id()), Duration.ofSeconds(1));

            assertThat(introduced).as("alice and bob know each other's address 1 s after bob joined carol").isTrue();
            assertThat(bob.peers()).filteredOn(peer -> peer.id().equals(alice.id())).singleElement()
                    .satisfies(peer -> assertThat(peer.addresses()).extracting(Object::toString)
                            .contains("mem:alice"));
        }
    }

    /**
     * Nodes started together, each joining the one started just before, with jittery links: when a node links
     * up after an announce passed, its new neighbour tells it of the recent broadcasts (PlumTree catch-up), so
     * nobody waits for the next periodic announce (10 s) to learn of the others.
     */
    @Test
    void fiveNodesStartedTogetherInAChainKnowEachOtherWithinOneSecondWhateverTheTiming() {
        for (long seed = 1; seed <= 30; seed++) {
            try (EngineCluster cluster = new EngineCluster(seed)) {
                cluster.network.defaultLink(LinkModel.builder().latencyMillis(1).jitterMillis(3).build());
                Random random = new Random(seed);
                List<TomNode> nodes = new ArrayList<>();
                nodes.add(cluster.node("n0"));
                for (int i = 1; i < 5; i++) {
                    cluster.run(Duration.ofMillis(random.nextInt(8)));
                    nodes.add(cluster.node("n" + i, nodes.get(i - 1)));
                }

                boolean everyoneKnowsEveryone = cluster.runUntil(
                        () -> nodes.stream().allMatch(node -> knowsAll(node, nodes)), Duration.ofSeconds(1));

                assertThat(everyoneKnowsEveryone).as("seed %d: every node knows the 4 others within 1 s", seed).isTrue();
            }
        }
    }
}
