package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.EngineTestSupport.RecordingPeerListener;

class PeerTableTest {
    private final NodeId local = node(1);
    private final NodeId peer = node(2);
    private final RecordingPeerListener listener = new RecordingPeerListener();
    private final PeerTable table = new PeerTable(local, listener);

    private List<PeerState> states() {
        return listener.changes.stream().map(RecordingPeerListener.Change::state).toList();
    }

    @Test
    void silenceMakesAPeerStaleThenOfflineThenForgotten() {
        table.heard(peer, 0);
        for (long t = 0; t <= 140_000; t += 1_000) {
            table.tick(t);
        }
        assertThat(states()).containsExactly(PeerState.DISCOVERED, PeerState.ONLINE, PeerState.STALE, PeerState.OFFLINE);
        assertThat(listener.changes.get(2).at()).isEqualTo(20_000);
        assertThat(listener.changes.get(3).at()).isEqualTo(45_000);
        assertThat(table.get(peer)).isNull();
    }

    @Test
    void aPeerWithAnOpenSessionIsNotForgottenAndGetsKeepalives() {
        table.session(peer, true, 0);
        List<NodeId> keepalive = table.tick(8_000);
        assertThat(keepalive).containsExactly(peer);
        assertThat(table.tick(9_000)).isEmpty();
        table.tick(200_000);
        assertThat(table.get(peer)).isNotNull();
    }

    @Test
    void hearingFromAPeerAgainBringsItBackOnline() {
        table.heard(peer, 0);
        table.tick(30_000);
        table.heard(peer, 31_000);
        assertThat(states()).containsExactly(PeerState.DISCOVERED, PeerState.ONLINE, PeerState.STALE, PeerState.ONLINE);
    }

    @Test
    void addressesAloneDoNotMakeAPeerOnline() {
        table.learnAddresses(peer, List.of(TransportAddress.parse("mem:p")), 0);
        table.tick(60_000);
        assertThat(states()).containsExactly(PeerState.DISCOVERED);
        assertThat(table.heard(local, 0)).as("this node is never its own peer").isNull();
    }

    @Test
    void relaySelectionPrefersDirectThenTheRelayThatDeliveredToTheTargetThenTheLeastLoaded() {
        NodeId target = node(7);
        NodeId busy = node(8);
        NodeId idle = node(9);
        table.session(busy, true, 0);
        table.session(idle, true, 0);
        RelaySelector selector = new RelaySelector(table, local);
        selector.acquire(busy);
        assertThat(selector.choose(target, Set.of(), 0)).isEqualTo(Path.via(idle));
        selector.relayDelivered(busy, target, 0);
        assertThat(selector.choose(target, Set.of(), 0)).isEqualTo(Path.via(busy));
        assertThat(selector.choose(target, Set.of(busy), 0)).isEqualTo(Path.via(idle));
        table.session(target, true, 0);
        assertThat(selector.choose(target, Set.of(), 0)).isEqualTo(Path.DIRECT);
        assertThat(selector.choose(node(99), Set.of(busy, idle, target), 0)).isNull();
    }

    @Test
    void aRelayThatLostAMessageIsChosenOnlyAfterUnprovenOnesAndRecoversAsTheLossFades() {
        NodeId target = node(7);
        NodeId dropper = node(8);
        NodeId unproven = node(9);
        table.session(dropper, true, 0);
        table.session(unproven, true, 0);
        RelaySelector selector = new RelaySelector(table, local);
        selector.acquire(unproven);
        assertThat(selector.choose(target, Set.of(), 0)).as("equal records: the least loaded")
                .isEqualTo(Path.via(dropper));

        selector.relayLost(dropper, target, 0);

        assertThat(selector.choose(target, Set.of(), 0)).isEqualTo(Path.via(unproven));
        assertThat(table.get(dropper).relayDeliveryEstimate(0)).isCloseTo(1.0 / 3, within(1e-9));
        long hours = 2 * 3_600_000L;
        table.heard(dropper, hours);
        table.heard(unproven, hours);
        assertThat(selector.choose(target, Set.of(), hours))
                .as("a faded loss weighs nothing: never a ban (lock 4), load decides again")
                .isEqualTo(Path.via(dropper));
    }

    @Test
    void aRelayThatDeliveredIsPreferredToAnUnprovenOneEvenWhenBusier() {
        NodeId target = node(7);
        NodeId proven = node(8);
        NodeId unproven = node(9);
        table.session(proven, true, 0);
        table.session(unproven, true, 0);
        RelaySelector selector = new RelaySelector(table, local);
        selector.relayDelivered(proven, node(20), 0);
        selector.acquire(proven);

        assertThat(selector.choose(target, Set.of(), 1)).isEqualTo(Path.via(proven));
        assertThat(selector.choose(target, Set.of(proven), 1)).isEqualTo(Path.via(unproven));
    }

    private static NodeId many(int n) {
        byte[] key = new byte[32];
        key[0] = (byte) 0x77;
        key[1] = (byte) (n >>> 16);
        key[2] = (byte) (n >>> 8);
        key[3] = (byte) n;
        return NodeId.of(key);
    }

    /** Fills the table: {@code withSession} peers with an open session, the rest only with addresses. */
    private void fill(int withSession) {
        for (int n = 0; n < ProtocolConstants.MAX_PEERS; n++) {
            if (n < withSession) {
                table.session(many(n), true, 1_000);
            } else {
                table.learnAddresses(many(n), List.of(TransportAddress.parse("mem:p" + n)), 1_000 + n);
            }
        }
    }

    @Test
    void aFullTableMakesRoomForANewcomerWithASessionByForgettingItsLeastValuableRecord() {
        fill(100);
        assertThat(table.size()).isEqualTo(ProtocolConstants.MAX_PEERS);

        table.session(peer, true, 5_000);

        assertThat(table.get(peer)).isNotNull().satisfies(record -> assertThat(record.hasSession()).isTrue());
        assertThat(table.size()).isEqualTo(ProtocolConstants.MAX_PEERS);
        assertThat(table.get(many(100))).as("the least recently seen record without session or life goes").isNull();
        for (int n = 0; n < 100; n++) {
            assertThat(table.get(many(n))).as("peer %d has a session", n).isNotNull();
        }
    }

    @Test
    void aFullTableTakesAPeerOfAVerifiedAnnounceToo() {
        fill(0);

        table.learnAddresses(peer, List.of(TransportAddress.parse("mem:announced")), 5_000);
        table.heard(peer, 5_000);

        assertThat(table.get(peer)).isNotNull();
        assertThat(table.get(peer).isLive()).isTrue();
        assertThat(table.size()).isEqualTo(ProtocolConstants.MAX_PEERS);
    }

    @Test
    void onlinePeersOutlastPeersKnownOnlyByAddressWhenRoomIsMade() {
        for (int n = 0; n < ProtocolConstants.MAX_PEERS; n++) {
            if (n % 2 == 0) {
                table.heard(many(n), 1_000);
            } else {
                table.learnAddresses(many(n), List.of(TransportAddress.parse("mem:p" + n)), 2_000);
            }
        }

        for (int newcomer = 0; newcomer < ProtocolConstants.MAX_PEERS / 2; newcomer++) {
            table.heard(many(1_000_000 + newcomer), 3_000);
        }

        assertThat(table.size()).isEqualTo(ProtocolConstants.MAX_PEERS);
        assertThat(table.get(many(1_000_000))).as("every newcomer got a record").isNotNull();
        for (int n = 0; n < ProtocolConstants.MAX_PEERS; n += 2) {
            assertThat(table.get(many(n))).as("online peer %d", n).isNotNull();
        }
    }
}
