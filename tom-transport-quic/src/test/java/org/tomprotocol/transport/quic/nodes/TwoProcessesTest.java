package org.tomprotocol.transport.quic.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.transport.quic.nodes.QuicNodes.text;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.transport.quic.nodes.QuicNodes.Running;

/** Two JVM processes, one node each, exchange messages over QUIC. */
class TwoProcessesTest {

    @Test
    void aNodeInAnotherJvmReceivesAndAnswers() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process peer = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                EchoPeerProcess.class.getName())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (QuicNodes nodes = new QuicNodes();
             BufferedReader output = new BufferedReader(new InputStreamReader(peer.getInputStream(),
                     StandardCharsets.UTF_8))) {
            String[] ready = output.readLine().split(" ");
            assertThat(ready[0]).isEqualTo("READY");
            NodeId peerId = NodeId.parse(ready[1]);

            Running local = nodes.start();
            local.node().addPeer(PeerAddress.of(peerId, TransportAddress.parse(ready[2])));
            local.node().send(peerId, text("ping across processes")).delivered().toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);

            assertThat(output.readLine()).isEqualTo("GOT ping across processes");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (local.inbox().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(local.inbox()).singleElement().satisfies(m -> {
                assertThat(m.sender()).isEqualTo(peerId);
                assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("echo:ping across processes");
            });
        } finally {
            peer.getOutputStream().close();
            if (!peer.waitFor(10, TimeUnit.SECONDS)) {
                peer.destroyForcibly();
            }
        }
    }
}
