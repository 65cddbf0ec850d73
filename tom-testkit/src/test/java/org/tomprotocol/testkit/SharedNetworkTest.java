package org.tomprotocol.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportProvider;

/** The provider {@link ServiceLoader} finds joins the process-wide network on real time. */
class SharedNetworkTest {
    private static NodeId randomNode() {
        byte[] key = new byte[NodeId.LENGTH];
        new SecureRandom().nextBytes(key);
        return NodeId.of(key);
    }

    @Test
    void twoNodesTalkOverTheServiceLoadedProvider() throws Exception {
        TransportProvider provider = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.id().equals("mem"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("mem provider not registered in META-INF/services"));
        assertThat(provider.scheme()).isEqualTo("mem");
        assertThat(provider.availability().available()).isTrue();
        assertThat(((MemoryTransportProvider) provider).network()).isSameAs(MemoryNetwork.shared());

        NodeId aliceId = randomNode();
        NodeId bobId = randomNode();
        RecordingListener alice = new RecordingListener(System::currentTimeMillis);
        RecordingListener bob = new RecordingListener(System::currentTimeMillis);
        try (Transport aliceTransport = TestNodes.bind(provider, aliceId, alice);
             Transport bobTransport = TestNodes.bind(provider, bobId, bob)) {
            aliceTransport.addPeerAddresses(bobId, bobTransport.localAddresses());

            aliceTransport.send(bobId, FrameChannel.ENVELOPE, "over mem".getBytes(StandardCharsets.UTF_8))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(bob.firstFrame.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(alice.firstConnected.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(bob.frames().getFirst().bytes(), StandardCharsets.UTF_8)).isEqualTo("over mem");
            assertThat(bob.frames().getFirst().from()).isEqualTo(aliceId);
            assertThat(bobTransport.connectedPeers()).containsExactly(aliceId);
        }
    }
}
