package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

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
}
