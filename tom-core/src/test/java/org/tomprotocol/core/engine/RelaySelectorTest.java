package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.EngineTestSupport.RecordingPeerListener;

/** How a relay is picked among peers with a session. */
class RelaySelectorTest {
    private final NodeId local = node(1);
    private final NodeId target = node(9);
    private final PeerTable peers = new PeerTable(local, new RecordingPeerListener());
    private final RelaySelector selector = new RelaySelector(peers, local);

    private void relayUp(NodeId relay, long at) {
        peers.heard(relay, at);
        peers.session(relay, true, at);
    }

    @Test
    void amongRelaysEquallyLikelyToDeliverTheOneInTheRecipientsSubnetCarriesTheMessage() {
        NodeId heardLately = node(2);
        NodeId inTheSubnet = node(3);
        relayUp(inTheSubnet, 1_000);
        relayUp(heardLately, 2_000);
        assertThat(selector.choose(target, Set.of(), 3_000).relays()).as("without subnets: the one heard last")
                .containsExactly(heardLately);

        peers.subnetsFrom((relay, recipient) -> relay.equals(inTheSubnet) && recipient.equals(target));

        assertThat(selector.choose(target, Set.of(), 3_000).relays()).containsExactly(inTheSubnet);
    }

    @Test
    void aRelayMoreLikelyToDeliverStillComesBeforeTheSubnet() {
        NodeId reliable = node(2);
        NodeId inTheSubnet = node(3);
        relayUp(reliable, 1_000);
        relayUp(inTheSubnet, 1_000);
        selector.relayLost(inTheSubnet, node(8), 1_000);
        peers.subnetsFrom((relay, recipient) -> relay.equals(inTheSubnet));

        assertThat(selector.choose(target, Set.of(), 2_000).relays()).containsExactly(reliable);
    }

    @Test
    void aRelayPassedOverIsTriedAgainWithOneMessageAndComesBackOnceItDeliversAgain() {
        NodeId good = node(2);
        NodeId dropper = node(3);
        relayUp(good, 0);
        relayUp(dropper, 0);
        for (int i = 0; i < 20; i++) {
            selector.relayDelivered(good, node(8), 0);
        }
        for (int i = 0; i < 3; i++) {
            selector.relayLost(dropper, node(8), 0);
        }
        long waited = RelaySelector.FIRST_PROBE_AFTER_MS;
        assertThat(selector.choose(target, Set.of(), waited - 1).relays()).containsExactly(good);
        assertThat(selector.choose(target, Set.of(), waited).relays()).as("passed over for 30 s: tried again")
                .containsExactly(dropper);
        assertThat(selector.choose(target, Set.of(), waited + 1).relays()).containsExactly(good);

        selector.relayLost(dropper, target, waited + 100);

        assertThat(selector.choose(target, Set.of(), waited + 2 * waited - 1).relays())
                .as("the try failed: the wait doubles").containsExactly(good);
        assertThat(selector.choose(target, Set.of(), waited + 2 * waited).relays()).containsExactly(dropper);

        selector.relayDelivered(dropper, target, 3 * waited + 100);

        assertThat(selector.choose(target, Set.of(), 3 * waited + waited).relays())
                .as("a delivery halves the wait").containsExactly(dropper);
    }

    @Test
    void aRelayThatKeepsDroppingIsTriedAtMostOnceInTenMinutes() {
        NodeId good = node(2);
        NodeId dropper = node(3);
        relayUp(good, 0);
        relayUp(dropper, 0);
        selector.relayDelivered(good, node(8), 0);
        selector.relayLost(dropper, node(8), 0);
        long tenMinutes = RelaySelector.MAX_PROBE_AFTER_MS;
        List<Long> tried = new ArrayList<>();
        for (long at = 1_000; at < 60 * 60_000L; at += 1_000) {
            peers.heard(good, at);
            peers.heard(dropper, at);
            if (selector.choose(target, Set.of(), at).relays().equals(List.of(dropper))) {
                tried.add(at);
                selector.relayLost(dropper, target, at + 500);
            }
        }
        assertThat(tried).as("after 30 s, 60 s, 2, 4, 8 min, then every 10").startsWith(30_000L, 90_000L, 210_000L,
                450_000L, 930_000L, 930_000L + tenMinutes, 930_000L + 2 * tenMinutes);
    }

    @Test
    void aRelayNeverJudgedIsNotProbedButChosenByItsRank() {
        NodeId proven = node(2);
        NodeId unknown = node(3);
        relayUp(proven, 0);
        relayUp(unknown, 0);
        selector.relayDelivered(proven, node(8), 0);

        assertThat(selector.choose(target, Set.of(), 10 * RelaySelector.MAX_PROBE_AFTER_MS).relays())
                .containsExactly(proven);
    }

    @Test
    void amongRelaysEquallyLikelyToDeliverOneThatAnnouncesTheRelayRoleComesBeforeALessBusyOne() {
        NodeId announced = node(2);
        NodeId idle = node(3);
        relayUp(announced, 1_000);
        relayUp(idle, 2_000);
        peers.get(announced).announcedRoles.add(org.tomprotocol.core.wire.PeerRole.Relay);
        selector.acquire(announced);

        assertThat(selector.choose(target, Set.of(), 3_000).relays()).containsExactly(announced);
    }
}
