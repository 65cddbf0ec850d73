package org.example.tom.staticpeers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.discovery.DiscoveryContext;

/**
 * The engine's side of one discovery, reduced to a record of what the discovery asked for: what the state-machine
 * tests drive it with and read back. Frames are decoded as they are sent, so a test reads them as values.
 */
final class RecordingContext implements DiscoveryContext {
    /** A frame the discovery sent. */
    record Sent(NodeId to, Frames.Frame frame) {
    }

    /** A payload the discovery asked the node to judge. */
    record Asked(long ticket, NodeId from, byte[] payload) {
    }

    final NodeId self;
    final List<Sent> sent = new ArrayList<>();
    final List<PeerAddress> learned = new ArrayList<>();
    final List<Asked> asked = new ArrayList<>();
    final List<NodeId> up = new ArrayList<>();
    final List<NodeId> down = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    final List<String> shed = new ArrayList<>();
    private final List<PeerAddress> bootstrap;
    private final Map<String, String> options;

    RecordingContext(NodeId self, List<PeerAddress> bootstrap, Map<String, String> options) {
        this.self = self;
        this.bootstrap = List.copyOf(bootstrap);
        this.options = Map.copyOf(options);
    }

    /** A node id made of one repeated byte: readable in failures. */
    static NodeId node(int n) {
        byte[] key = new byte[NodeId.LENGTH];
        java.util.Arrays.fill(key, (byte) n);
        return NodeId.of(key);
    }

    static TransportAddress addressOf(int n) {
        return TransportAddress.parse("quic:192.0.2." + n + ":7400");
    }

    static PeerAddress peer(int n) {
        return PeerAddress.of(node(n), addressOf(n));
    }

    /** The frames sent to {@code to}, in order. */
    List<Frames.Frame> sentTo(NodeId to) {
        return sent.stream().filter(s -> s.to().equals(to)).map(Sent::frame).toList();
    }

    /** How many greetings went to {@code to}. */
    long greetingsTo(NodeId to) {
        return sentTo(to).stream().filter(Frames.Hello.class::isInstance).count();
    }

    @Override
    public NodeId localId() {
        return self;
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return List.of(TransportAddress.parse("quic:192.0.2.1:7400"));
    }

    @Override
    public List<PeerAddress> bootstrap() {
        return bootstrap;
    }

    @Override
    public RandomGenerator random() {
        return new SplittableRandom(1);
    }

    @Override
    public Map<String, String> options() {
        return options;
    }

    @Override
    public void send(NodeId peer, byte[] frame) {
        try {
            sent.add(new Sent(peer, Frames.decode(frame)));
        } catch (Frames.MalformedFrameException e) {
            throw new AssertionError("the discovery sent a frame it cannot read itself: " + e.reason(), e);
        }
    }

    @Override
    public void learnAddresses(PeerAddress peer) {
        learned.add(peer);
    }

    @Override
    public void validate(long ticket, NodeId from, byte[] payload) {
        asked.add(new Asked(ticket, from, payload.clone()));
    }

    @Override
    public void neighborUp(NodeId peer) {
        up.add(peer);
    }

    @Override
    public void neighborDown(NodeId peer) {
        down.add(peer);
    }

    @Override
    public void rejected(NodeId from, String reason) {
        rejected.add(reason);
    }

    @Override
    public void shed(NodeId from, String reason) {
        shed.add(reason);
    }
}
