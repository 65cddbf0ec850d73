package org.tomprotocol.transport.quic.nodes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;

/**
 * A node in a separate JVM for {@link TwoProcessesTest}: prints {@code READY <node id> <address>}, answers
 * every message with {@code echo:<text>}, and stops when its standard input closes.
 */
public final class EchoPeerProcess {
    private EchoPeerProcess() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (TomNode node = Tom.node().transports("quic").listen("127.0.0.1:0").start()) {
            node.onMessage(message -> {
                String text = new String(message.payload(), StandardCharsets.UTF_8);
                out.println("GOT " + text);
                node.send(message.sender(), ("echo:" + text).getBytes(StandardCharsets.UTF_8));
            });
            String address = node.addresses().stream().filter(a -> a.address().startsWith("127.0.0.1:"))
                    .findFirst().orElseThrow().toString();
            out.println("READY " + node.id().toHex() + " " + address);
            while (System.in.read() >= 0) {
                // run until the parent closes our standard input
            }
        }
    }
}
