package org.tomprotocol.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.discovery.gossip.hyparview.HyParView;
import org.tomprotocol.discovery.gossip.hyparview.HyParViewConfig;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.ForwardJoin;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Introduce;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame.Shuffle;

/**
 * Issue 12, attack 3: a hostile neighbour floods the victim with membership gossip naming thousands of
 * made-up peers. Real engines on the in-memory network. The engine's peer table takes no record from that
 * hearsay, the passive view keeps at most the neighbour's share of it, and a real newcomer that joins
 * afterwards gets a record and is reached directly, exactly as when nobody attacked.
 */
class HostileMembershipTest {
    private static final int FRAMES = 320;
    private static final int PEERS_PER_FRAME = 32;

    private final EngineCluster cluster = new EngineCluster(41);
    private final Set<NodeId> junk = new HashSet<>();

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private PeerAddress junkPeer(int n) {
        byte[] key = new byte[NodeId.LENGTH];
        key[0] = (byte) 0xEE;
        key[1] = (byte) (n >>> 16);
        key[2] = (byte) (n >>> 8);
        key[3] = (byte) n;
        NodeId id = NodeId.of(key);
        junk.add(id);
        return PeerAddress.of(id, TransportAddress.parse("mem:junk-" + n));
    }

    private List<PeerAddress> junkPeers(int frame) {
        List<PeerAddress> peers = new ArrayList<>();
        for (int i = 0; i < PEERS_PER_FRAME; i++) {
            peers.add(junkPeer(frame * PEERS_PER_FRAME + i));
        }
        return peers;
    }

    /** 320 frames, each naming 32 made-up peers: shuffles ending here, introductions and join walks. */
    private void flood(HostilePeer mallory, TomNode victim) {
        for (int frame = 0; frame < FRAMES; frame++) {
            List<PeerAddress> peers = junkPeers(frame);
            switch (frame % 3) {
                case 0 -> mallory.send(victim, new Shuffle(peers.get(0), 0, peers.subList(1, peers.size())));
                case 1 -> mallory.send(victim, new Introduce(peers));
                default -> {
                    mallory.send(victim, new ForwardJoin(peers.get(0),
                            HyParViewConfig.DEFAULTS.passiveRandomWalkLength()));
                    mallory.send(victim, new Introduce(peers.subList(1, peers.size())));
                }
            }
        }
    }

    /** The victim sends 50 messages to {@code newcomer}; returns how many arrived without a relay. */
    private int directDeliveries(TomNode victim, TomNode newcomer) {
        List<InboundMessage> received = new ArrayList<>();
        newcomer.onMessage(received::add);
        List<OutboundMessage> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(victim.send(newcomer.id(), ("hello " + i).getBytes(StandardCharsets.UTF_8)));
            cluster.run(Duration.ofMillis(20));
        }
        cluster.runUntil(() -> sent.stream().allMatch(message -> message.status() == MessageStatus.DELIVERED),
                Duration.ofSeconds(30));
        assertThat(sent).allMatch(message -> message.status() == MessageStatus.DELIVERED);
        return (int) received.stream().filter(message -> message.relayHops() == 0).count();
    }

    private static boolean hasRecord(TomNode node, NodeId peer) {
        return node.peers().stream().map(PeerInfo::id).anyMatch(peer::equals);
    }

    @Test
    void membershipHearsayFromAHostileNeighbourCreatesNoPeerRecordsAndANewcomerIsStillReachedDirectly()
            throws Exception {
        TomNode victim = cluster.node("victim");
        TomNode helper = cluster.node("helper", victim);
        cluster.run(Duration.ofSeconds(1));
        HostilePeer mallory = new HostilePeer(cluster, "mallory");
        mallory.join(cluster, victim);
        cluster.run(Duration.ofSeconds(1));
        int recordsBefore = victim.peers().size();

        flood(mallory, victim);
        cluster.run(Duration.ofSeconds(2));

        assertThat(victim.peers()).extracting(PeerInfo::id).noneMatch(junk::contains);
        assertThat(victim.peers().size()).as("records: helper and mallory only").isEqualTo(recordsBefore);
        HyParView membership = cluster.discovery(victim).membershipState();
        assertThat(membership.passiveFrom(mallory.id())).hasSizeLessThanOrEqualTo(
                HyParViewConfig.DEFAULTS.passivePerSource());
        assertThat(membership.passiveView().stream().filter(junk::contains).count())
                .isLessThanOrEqualTo(HyParViewConfig.DEFAULTS.passivePerSource());
        assertThat(victim.metrics().get("shed.discovery-membership-rate")).as("over the neighbour's budget")
                .isPositive();

        TomNode newcomer = cluster.node("newcomer", victim);
        cluster.run(Duration.ofSeconds(1));

        assertThat(hasRecord(victim, newcomer.id())).isTrue();
        assertThat(directDeliveries(victim, newcomer)).isEqualTo(50);
        assertThat(hasRecord(helper, newcomer.id())).as("the newcomer's announce reached the others").isTrue();
    }

    @Test
    void withoutTheAttackTheSameNewcomerGetsARecordAndIsReachedDirectly() throws Exception {
        TomNode victim = cluster.node("victim");
        cluster.node("helper", victim);
        cluster.run(Duration.ofSeconds(1));
        HostilePeer mallory = new HostilePeer(cluster, "mallory");
        mallory.join(cluster, victim);
        cluster.run(Duration.ofSeconds(3));

        TomNode newcomer = cluster.node("newcomer", victim);
        cluster.run(Duration.ofSeconds(1));

        assertThat(hasRecord(victim, newcomer.id())).isTrue();
        assertThat(directDeliveries(victim, newcomer)).isEqualTo(50);
    }
}
