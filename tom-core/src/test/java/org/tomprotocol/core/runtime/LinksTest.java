package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;

/**
 * A peer with sessions on two transports (a browser's WebSocket, then its DataChannel): the latest carries the
 * frames, and when it ends the earlier one carries them again; the peer has a session until both end.
 */
class LinksTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private final NodeId peer = SUITE.generateIdentity().id();
    private final Transport first = new Idle();
    private final Transport second = new Idle();

    /** A bound transport that holds nothing: the links only choose between transports. */
    private static final class Idle implements Transport {
        @Override
        public List<TransportAddress> localAddresses() {
            return List.of();
        }

        @Override
        public java.util.Set<org.tomprotocol.spi.transport.TransportCapability> capabilities() {
            return java.util.Set.of();
        }

        @Override
        public void addPeerAddresses(NodeId peer, java.util.Collection<TransportAddress> addresses) {
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> connect(NodeId peer) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isConnected(NodeId peer) {
            return false;
        }

        @Override
        public java.util.Set<NodeId> connectedPeers() {
            return java.util.Set.of();
        }

        @Override
        public void disconnect(NodeId peer) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theLatestSessionCarriesAndTheEarlierTakesOverWhenItEnds() throws Exception {
        Links links = new Links();
        links.add(new Links.Bound("mem", first));
        links.add(new Links.Bound("mem", second));

        links.sessionUp(peer, first);
        links.sessionUp(peer, second);
        assertThat(links.carrier(peer)).isSameAs(second);

        links.sessionDown(peer, second);
        assertThat(links.hasSession(peer)).isTrue();
        assertThat(links.carrier(peer)).isSameAs(first);

        links.sessionUp(peer, second);
        links.sessionUp(peer, first);
        assertThat(links.carrier(peer)).as("up again: latest again").isSameAs(first);
        links.sessionDown(peer, first);
        links.sessionDown(peer, second);
        assertThat(links.hasSession(peer)).isFalse();
    }
}
