package org.tomprotocol.transport.mem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.TransportProvider;

/** The plugin ServiceLoader finds puts ordinary nodes of one process on the shared in-memory network. */
class SharedNetworkTest {

    @Test
    void theServiceLoadedMemTransportCarriesAMessageBetweenTwoOrdinaryNodes() throws Exception {
        assertThat(ServiceLoader.load(TransportProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.id().equals("mem")).findFirst())
                .hasValueSatisfying(provider -> assertThat(provider).isInstanceOf(SharedMemoryTransportProvider.class));

        try (TomNode alice = Tom.node().transports("mem").listen("mem:plugin-alice").start();
             TomNode bob = Tom.node().transports("mem").listen("mem:plugin-bob").start()) {
            alice.addPeer(PeerAddress.of(bob.id(), TransportAddress.parse("mem:plugin-bob")));
            var sent = alice.send(bob.id(), "over the plugin".getBytes(StandardCharsets.UTF_8));

            assertThat(sent.delivered().toCompletableFuture().get(10, TimeUnit.SECONDS).recipient()).isEqualTo(bob.id());
            assertThat(alice.addresses()).contains(TransportAddress.parse("mem:plugin-alice"));
        }
    }
}
