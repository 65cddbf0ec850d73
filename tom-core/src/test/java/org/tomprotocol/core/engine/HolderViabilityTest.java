package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.EngineTestSupport.RecordingPeerListener;

/** The viability score of a would-be backup holder, and the choice of holders from it. */
class HolderViabilityTest {
    private static final long HOUR = 3_600_000L;
    private final PeerTable peers = new PeerTable(node(1), new RecordingPeerListener());

    private PeerRecord up(int n, String address, long since) {
        NodeId id = node(n);
        peers.learnAddresses(id, List.of(TransportAddress.parse(address)), since);
        peers.heard(id, since);
        return peers.get(id);
    }

    @Test
    void aPeerUpForAnHourWithASessionScoresMoreThanOneJustArrivedAndOnlyHeard() {
        PeerRecord steady = up(2, "quic:198.51.100.2:7400", 0);
        peers.session(steady.id(), true, HOUR);
        PeerRecord newcomer = up(3, "quic:203.0.113.3:7400", HOUR);

        assertThat(HolderViability.score(steady, HOUR)).as("40 uptime + 30 session + 15 neutral").isEqualTo(85);
        assertThat(HolderViability.score(newcomer, HOUR)).as("0 uptime + 15 heard + 15 neutral").isEqualTo(30);
    }

    @Test
    void aPeerThatIsNotOnlineScoresNothingAndIsNeverChosen() {
        PeerRecord gone = up(2, "quic:198.51.100.2:7400", 0);
        for (long t = 0; t <= 60_000; t += 1_000) {
            peers.tick(t);
        }

        assertThat(HolderViability.score(gone, 60_000)).isZero();
        assertThat(HolderViability.choose(peers, 5, Set.of(), Set.of(), 60_000)).isEmpty();
    }

    @Test
    void copiesSpreadAcrossNetworksBeforeASecondOneGoesToTheSameNetwork() {
        up(2, "quic:198.51.100.2:7400", 0);
        up(3, "quic:198.51.100.3:7400", 0);
        up(4, "quic:203.0.113.4:7400", 0);

        List<NodeId> two = HolderViability.choose(peers, 2, Set.of(), Set.of(), 1_000);

        assertThat(two).as("one in each /24").contains(node(4)).hasSize(2);
        assertThat(HolderViability.choose(peers, 3, Set.of(), Set.of(), 1_000)).hasSize(3);
    }

    @Test
    void theExcludedAreNeverChosen() {
        up(2, "quic:198.51.100.2:7400", 0);
        up(3, "quic:203.0.113.3:7400", 0);

        assertThat(HolderViability.choose(peers, 5, Set.of(node(2)), Set.of(), 1_000)).containsExactly(node(3));
    }

    @Test
    void copiesSpreadAcrossSubnetsBeforeASecondOneGoesToTheSameSubnet() {
        up(2, "quic:198.51.100.2:7400", 0);
        up(3, "quic:203.0.113.3:7400", 0);
        up(4, "quic:192.0.2.4:7400", 0);
        // nodes 2 and 3 talk together often; 4 talks with neither
        peers.subnetsFrom((a, b) -> Set.of(a, b).equals(Set.of(node(2), node(3))));

        List<NodeId> two = HolderViability.choose(peers, 2, Set.of(), Set.of(), 1_000);

        assertThat(two).as("not both of the subnet").contains(node(4)).hasSize(2);
        assertThat(HolderViability.choose(peers, 1, Set.of(), Set.of(node(2)), 1_000)).as("2 already holds one")
                .containsExactly(node(4));
        assertThat(HolderViability.choose(peers, 3, Set.of(), Set.of(), 1_000)).as("too few apart: all hold")
                .hasSize(3);
    }

    @Test
    void aHolderThatBroughtProofsOfCopiesItKeptScoresHigherAndAnAnnouncedBackupRoleOnlyBreaksTies() {
        PeerRecord proven = up(2, "quic:198.51.100.2:7400", 0);
        PeerRecord announced = up(3, "quic:203.0.113.3:7400", 0);
        PeerRecord plain = up(4, "quic:192.0.2.4:7400", 0);
        announced.announcedRoles.add(org.tomprotocol.core.wire.PeerRole.Backup);
        for (int i = 0; i < 8; i++) {
            proven.copiesProven.add(1, 1_000);
        }

        assertThat(HolderViability.score(proven, 1_000)).as("15 heard + 7.5 relaying + 15 * 9 / 10 holding")
                .isEqualTo(36);
        assertThat(HolderViability.score(announced, 1_000)).as("its own word adds nothing to the score")
                .isEqualTo(HolderViability.score(plain, 1_000)).isEqualTo(30);
        assertThat(HolderViability.choose(peers, 3, Set.of(), Set.of(), 1_000))
                .containsExactly(proven.id(), announced.id(), plain.id());
    }
}
