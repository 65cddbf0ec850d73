package org.tomprotocol.core.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;

/**
 * A peer on the simulated network that speaks the wire but follows no rule the test does not give it: its own
 * identity and {@code mem} transport, envelopes it signs itself, and a handler for every envelope it receives.
 * The network authenticates it like any node; everything else is up to the test.
 */
final class HostilePeer {
    private static final TomV1Suite SUITE = new TomV1Suite();

    private final SimulatedNetwork net;
    private final LocalIdentity identity = SUITE.generateIdentity();
    private final Transport transport;
    private final List<Envelope> received = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<NodeId, Envelope> onEnvelope = (hop, envelope) -> { };

    /** Every chat frame sent to {@code to} from now on, as captured on the wire (what a hostile relay could keep). */
    static List<byte[]> capturedChats(SimulatedNetwork net, TomNode to) {
        List<byte[]> chats = new CopyOnWriteArrayList<>();
        net.network.dropFrames((from, recipient, channel, frame) -> {
            if (recipient.equals(to.id()) && channel == FrameChannel.ENVELOPE && isChat(frame)) {
                chats.add(frame.clone());
            }
            return false;
        });
        return chats;
    }

    private static boolean isChat(byte[] frame) {
        try {
            return EnvelopeCodec.decode(frame).envelope().type() == MessageType.Chat;
        } catch (WireException e) {
            return false;
        }
    }

    HostilePeer(SimulatedNetwork net, String name) throws Exception {
        this.net = net;
        this.transport = net.network.transportProvider().bind(new TransportContext(identity, SUITE,
                List.of(TransportAddress.parse("mem:" + name)), 1 << 20, Map.of(), org.tomprotocol.testkit.FrameListeners.of((peer, channel, frame) -> {
                    if (channel != FrameChannel.ENVELOPE) {
                        return;
                    }
                    try {
                        Envelope envelope = EnvelopeCodec.decode(frame).envelope();
                        received.add(envelope);
                        onEnvelope.accept(peer, envelope);
                    } catch (WireException e) {
                        throw new AssertionError("a node sent a malformed envelope", e);
                    }
                })));
    }

    NodeId id() {
        return identity.id();
    }

    /** Opens a session to {@code node}. */
    void connect(TomNode node) {
        transport.addPeerAddresses(node.id(), List.of(net.addressOf(node)));
        transport.connect(node.id());
    }

    /** Calls {@code handler} with the hop and the envelope of every envelope frame received from now on. */
    void onEnvelope(BiConsumer<NodeId, Envelope> handler) {
        this.onEnvelope = handler;
    }

    /** Every envelope received so far. */
    List<Envelope> received() {
        return List.copyOf(received);
    }

    void sendFrame(NodeId hop, byte[] frame) {
        transport.send(hop, FrameChannel.ENVELOPE, frame);
    }

    /** Signs {@code envelope} as this peer and sends it to its first hop. */
    void send(Envelope envelope) {
        sendFrame(envelope.firstHop(), sign(envelope));
    }

    byte[] sign(Envelope envelope) {
        var signing = EnvelopeCodec.signingBytes(envelope);
        return EnvelopeCodec.encode(envelope.withSignature(identity.sign(signing.bytes())), signing);
    }

    /** A well-formed chat to {@code to}: sealed for it and signed. */
    Envelope chat(NodeId to, String text) throws Exception {
        byte[] sealed = org.tomprotocol.core.wire.EncryptedPayloadCodec.encode(
                SUITE.seal(to, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return Envelope.unsigned(MessageId.random(), id(), to, List.of(), MessageType.Chat, sealed,
                net.runtime.nowMillis(), true);
    }

    /** A signed sign of life, which makes a node count this peer as online. */
    void heartbeat(NodeId to) {
        send(Envelope.unsigned(MessageId.random(), id(), to, List.of(), MessageType.Heartbeat, new byte[0],
                net.runtime.nowMillis(), false));
    }

    /** An acknowledgement from this peer of {@code original}, sent to its sender along {@code via}. */
    void acknowledge(Envelope original, AckType type, List<NodeId> via) {
        send(Envelope.unsigned(MessageId.random(), id(), original.from(), via, MessageType.Ack,
                new AckPayload(original.id(), type).encode(), net.runtime.nowMillis(), false));
    }

    /** Passes a relayed envelope on as an honest relay would: to the next hop, acknowledging a chat to its sender. */
    void relay(Envelope envelope) {
        sendFrame(envelope.hopAfter(id()), EnvelopeCodec.encode(envelope.withTtl(envelope.ttl() - 1)));
        if (envelope.type() == MessageType.Chat) {
            acknowledge(envelope, AckType.RelayForwarded, List.of());
        }
    }
}
