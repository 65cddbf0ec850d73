package org.tomprotocol.transport.quic.nodes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;

/** Real ToM nodes (engine, tom-v1, QUIC) on loopback, with their inboxes; closes them all. */
final class QuicNodes implements AutoCloseable {
    record Running(TomNode node, List<InboundMessage> inbox) {
        TransportAddress quicAddress() {
            return node.addresses().stream().filter(a -> a.address().startsWith("127.0.0.1:")).findFirst()
                    .orElseThrow();
        }

        PeerAddress peerAddress() {
            return PeerAddress.of(node.id(), quicAddress());
        }
    }

    private final List<Running> running = new ArrayList<>();

    Running start() {
        return start(Tom.node());
    }

    Running start(NodeBuilder builder) {
        return start(builder, "127.0.0.1:0");
    }

    Running start(NodeBuilder builder, String listen) {
        TomNode node = builder.transports("quic").listen(listen).start();
        List<InboundMessage> inbox = new CopyOnWriteArrayList<>();
        node.onMessage(inbox::add);
        Running result = new Running(node, inbox);
        running.add(result);
        return result;
    }

    static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (Running node : running) {
            node.node().close();
        }
    }
}
