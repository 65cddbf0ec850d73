package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.RendezvousPayload;
import org.tomprotocol.crypto.TomV1Suite;

/**
 * Attack 5 of issue 12, the rendezvous packet cannon, on the engine's side: a neighbour sends introductions of
 * made-up peers at addresses it chose, to make this node probe and dial them. The node acts on a bounded rate
 * of introductions per neighbour, probes only the introducer's one observation plus addresses the peer vouched
 * for, never learns the introducer's list as dialable addresses, and does not come back to them later.
 */
class HostileIntroductionTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final int INTRODUCTIONS = 100;

    private final SimulatedNetwork net = new SimulatedNetwork(31);
    private final RecordingTransportProvider recording = new RecordingTransportProvider(net.network.transportProvider());

    private TomNode victim() {
        return net.node("victim", recording);
    }

    private static List<TransportAddress> targets(int introduction) {
        List<TransportAddress> targets = new ArrayList<>();
        for (int i = 0; i < RendezvousPayload.MAX_CANDIDATES; i++) {
            targets.add(TransportAddress.parse("mem:target-" + introduction + "-" + i));
        }
        return targets;
    }

    private void introduce(HostilePeer mallory, TomNode victim, NodeId peer, List<TransportAddress> candidates) {
        mallory.send(Envelope.unsigned(MessageId.random(), mallory.id(), victim.id(), List.of(),
                MessageType.Rendezvous, new RendezvousPayload(peer, candidates).encode(), net.runtime.nowMillis(),
                false));
    }

    @Test
    void introductionsFromOneNeighbourAreActedOnAtABoundedRateAndAimOnlyAtOneUnvouchedAddressEach()
            throws Exception {
        TomNode victim = victim();
        HostilePeer mallory = new HostilePeer(net, "mallory");
        mallory.connect(victim);
        net.run(Duration.ofMillis(100));
        int addressCallsBefore = recording.calls("addPeerAddresses").size();

        for (int i = 0; i < INTRODUCTIONS; i++) {
            introduce(mallory, victim, SUITE.generateIdentity().id(), targets(i));
            net.run(Duration.ofMillis(10));
        }
        net.run(Duration.ofSeconds(90));

        List<RecordingTransportProvider.Call> punches = recording.calls("connectDirect");
        // a burst of 8, then one every 2 s over the 1 s of the attack
        assertThat(punches).hasSizeBetween(1, 9);
        assertThat(punches).allSatisfy(punch -> assertThat(punch.addresses()).hasSize(1));
        assertThat(victim.metrics().get("rejected.rendezvous-over-rate")).isEqualTo(INTRODUCTIONS - punches.size());
        assertThat(recording.calls("addPeerAddresses").subList(addressCallsBefore,
                recording.calls("addPeerAddresses").size()))
                .as("an introducer's addresses are never learned as the peer's").isEmpty();
        net.close();
    }

    @Test
    void anIntroductionOfAKnownPeerProbesTheIntroducersObservationAndTheAddressesThePeerVouchedFor()
            throws Exception {
        TomNode victim = victim();
        HostilePeer relay = new HostilePeer(net, "relay");
        relay.connect(victim);
        NodeId carol = SUITE.generateIdentity().id();
        TransportAddress vouched = TransportAddress.parse("mem:carol-home");
        victim.addPeer(PeerAddress.of(carol, vouched));
        net.run(Duration.ofSeconds(2));
        TransportAddress observed = TransportAddress.parse("mem:carol-as-seen-by-the-relay");

        introduce(relay, victim, carol, List.of(observed, TransportAddress.parse("mem:somewhere-else"), vouched));
        net.run(Duration.ofSeconds(1));

        assertThat(recording.calls("connectDirect")).singleElement()
                .satisfies(punch -> assertThat(punch.addresses()).containsExactly(observed, vouched));
        net.close();
    }
}
