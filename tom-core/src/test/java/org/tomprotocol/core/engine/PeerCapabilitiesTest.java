package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.EngineTestSupport.RecordingPeerListener;

/** How fit a member is to succeed a hub, from this node's knowledge of it as a peer. */
class PeerCapabilitiesTest {
    private static final long HOUR = 3_600_000L;
    private final PeerTable table = new PeerTable(node(1), new RecordingPeerListener());
    private final PeerCapabilities capabilities = new PeerCapabilities(table);
    private final NodeId peer = node(2);

    @Test
    void anUnknownMemberOrOneOnlyHeardOfIsEligibleButLeastPreferred() {
        assertThat(capabilities.of(peer, 0)).isZero();
        table.learnAddresses(peer, List.of(TransportAddress.parse("mem:p")), 0);
        assertThat(capabilities.of(peer, 0)).isZero();
    }

    @Test
    void aMemberGoneOfflineIsNotEligible() {
        table.heard(peer, 0);
        for (long t = 0; t <= 50_000; t += 1_000) {
            table.tick(t);
        }

        assertThat(capabilities.of(peer, 50_000)).isNegative();
    }

    @Test
    void aDirectSessionAndHoursOfUptimeMakeAMemberMoreCapable() {
        NodeId heardOnly = node(3);
        table.heard(heardOnly, 0);
        table.session(peer, true, 0);
        for (long t = 0; t <= 6 * HOUR; t += 5_000) {
            table.heard(peer, t);
            table.heard(heardOnly, t);
            table.tick(t);
        }

        double withSession = capabilities.of(peer, 6 * HOUR);
        // an unknown relay's delivery estimate is one half; six whole hours are a quarter of a day
        assertThat(withSession).isEqualTo(1 + 0.5 + 0.25);
        assertThat(capabilities.of(heardOnly, 6 * HOUR)).isEqualTo(0.5 + 0.25);
    }

    @Test
    void aMemberWhoseAnnounceListsTheHubCandidateRoleIsMoreCapableByLessThanAnHourOfUptimeSeenHere() {
        NodeId candidate = node(3);
        table.heard(candidate, 0);
        table.heard(peer, 0);
        table.get(candidate).announcedRoles.add(org.tomprotocol.core.wire.PeerRole.HubCandidate);

        assertThat(capabilities.of(candidate, 1_000) - capabilities.of(peer, 1_000))
                .isEqualTo(PeerCapabilities.ANNOUNCED_CANDIDATE);
    }
}
