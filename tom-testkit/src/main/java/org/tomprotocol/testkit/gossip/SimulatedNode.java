package org.tomprotocol.testkit.gossip;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;

/**
 * One node of a {@link GossipNetwork}: its discovery instance and the context it acts through, which peers
 * it was told the addresses of, and which sessions it has open.
 */
final class SimulatedNode implements DiscoveryContext {
    final int index;
    final NodeId id;
    final TransportAddress address;
    final BitSet knownAddresses = new BitSet();
    final BitSet sessions = new BitSet();
    private final GossipNetwork network;
    private final RandomGenerator random;
    private final Map<String, String> options;
    private List<PeerAddress> bootstrap = List.of();
    Discovery discovery;
    boolean alive = true;
    long wakeAt = Long.MAX_VALUE;

    SimulatedNode(GossipNetwork network, int index, NodeId id, long seed, Map<String, String> options) {
        this.network = network;
        this.index = index;
        this.id = id;
        this.address = SimAddresses.of(index);
        this.random = new SplittableRandom(seed);
        this.options = options;
    }

    void bootstrap(List<PeerAddress> peers) {
        this.bootstrap = List.copyOf(peers);
    }

    boolean started() {
        return discovery != null;
    }

    @Override
    public NodeId localId() {
        return id;
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return List.of(address);
    }

    @Override
    public List<PeerAddress> bootstrap() {
        return bootstrap;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Map<String, String> options() {
        return options;
    }

    @Override
    public void send(NodeId peer, byte[] frame) {
        network.transmit(this, peer, frame);
    }

    @Override
    public void learnAddresses(PeerAddress peer) {
        network.learn(this, peer);
    }

    @Override
    public void validate(long ticket, NodeId from, byte[] payload) {
        network.validate(this, ticket, from, payload);
    }

    @Override
    public void neighborUp(NodeId peer) {
        network.counters.neighborUps++;
    }

    @Override
    public void neighborDown(NodeId peer) {
        network.counters.neighborDowns++;
    }

    @Override
    public void rejected(NodeId from, String reason) {
        network.counters.rejected(reason);
    }
}
