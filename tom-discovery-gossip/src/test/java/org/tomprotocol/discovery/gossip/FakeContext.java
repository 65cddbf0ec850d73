package org.tomprotocol.discovery.gossip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.Validation;

/** A discovery context that records everything, for tests at the edge of the SPI. */
final class FakeContext implements DiscoveryContext {
    record Sent(NodeId to, byte[] frame) {
    }

    record Validating(long ticket, NodeId from, byte[] payload) {
    }

    final NodeId id;
    final List<PeerAddress> bootstrap;
    final Map<String, String> options;
    final RandomGenerator random = new SplittableRandom(1);
    final List<Sent> sent = new ArrayList<>();
    final List<PeerAddress> learned = new ArrayList<>();
    final List<Validating> validating = new ArrayList<>();
    final List<byte[]> delivered = new ArrayList<>();
    final List<NodeId> ups = new ArrayList<>();
    final List<NodeId> downs = new ArrayList<>();
    final List<String> rejections = new ArrayList<>();
    final List<String> sheddings = new ArrayList<>();

    FakeContext(int n, List<PeerAddress> bootstrap, Map<String, String> options) {
        this.id = node(n);
        this.bootstrap = bootstrap;
        this.options = options;
    }

    static NodeId node(int n) {
        byte[] key = new byte[NodeId.LENGTH];
        Arrays.fill(key, (byte) n);
        return NodeId.of(key);
    }

    static TransportAddress address(int n) {
        return new TransportAddress("mem", "node-" + n);
    }

    @Override
    public NodeId localId() {
        return id;
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return List.of(address(id.toBytes()[0]));
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
        sent.add(new Sent(peer, frame));
    }

    @Override
    public void learnAddresses(PeerAddress peer) {
        learned.add(peer);
    }

    @Override
    public void validate(long ticket, NodeId from, byte[] payload) {
        validating.add(new Validating(ticket, from, payload));
    }

    /** Answers every pending validation of {@code discovery} with {@code verdict}, as the engine would. */
    void answerAll(Discovery discovery, Validation verdict, long now) {
        List<Validating> answering = new ArrayList<>(validating);
        validating.clear();
        for (Validating pending : answering) {
            if (verdict == Validation.ACCEPT) {
                delivered.add(pending.payload());
            }
            discovery.onValidated(pending.ticket(), verdict, now);
        }
    }

    @Override
    public void neighborUp(NodeId peer) {
        ups.add(peer);
    }

    @Override
    public void neighborDown(NodeId peer) {
        downs.add(peer);
    }

    @Override
    public void shed(NodeId from, String reason) {
        sheddings.add(reason);
    }

    @Override
    public void rejected(NodeId from, String reason) {
        rejections.add(reason);
    }
}
