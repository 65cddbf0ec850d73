package org.tomprotocol.transport.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Signal;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportListener;

/**
 * Two webrtc transports whose signalling is handed straight to each other (the node's part, sealing and relaying,
 * is tested with whole nodes): one connects, the offer and answer cross, a DataChannel opens on both sides, frames
 * of every channel go both ways, and a disconnect ends it on both.
 */
class WebRtcTransportTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private final LocalIdentity alice = SUITE.generateIdentity();
    private final LocalIdentity bob = SUITE.generateIdentity();
    private final BlockingQueue<String> atAlice = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> atBob = new LinkedBlockingQueue<>();
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private Transport aliceTransport;
    private Transport bobTransport;

    /** A node's listener as far as the transport sees it: signalling goes to the other transport. */
    private TransportListener listener(BlockingQueue<String> events, NodeId self, java.util.function.Supplier<Transport> other) {
        return new TransportListener() {
            @Override
            public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
                events.add("frame " + channel + " " + new String(frame));
            }

            @Override
            public void onConnected(NodeId peer, TransportAddress remote) {
                events.add("connected " + peer.toHex());
            }

            @Override
            public void onDisconnected(NodeId peer, String reason) {
                events.add("disconnected " + peer.toHex());
            }

            @Override
            public void sendSignal(NodeId peer, Signal signal) {
                signals.add(signal);
                other.get().onSignal(self, signal);
            }
        };
    }

    @BeforeEach
    void bind() throws Exception {
        assertThat(new WebRtcTransportProvider().availability().available()).as("libwebrtc loads here").isTrue();
        aliceTransport = new WebRtcTransportProvider().bind(new TransportContext(alice, SUITE, List.of(), 1 << 16,
                Map.of(), listener(atAlice, alice.id(), () -> bobTransport)));
        bobTransport = new WebRtcTransportProvider().bind(new TransportContext(bob, SUITE, List.of(), 1 << 16,
                Map.of(), listener(atBob, bob.id(), () -> aliceTransport)));
    }

    @AfterEach
    void close() {
        aliceTransport.close();
        bobTransport.close();
    }

    private static String next(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(15, TimeUnit.SECONDS);
        assertThat(event).as("an event within 15 s").isNotNull();
        return event;
    }

    @Test
    void anOfferAndItsAnswerOpenAChannelThatCarriesFramesBothWaysUntilADisconnect() throws Exception {
        aliceTransport.connect(bob.id()).toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertThat(next(atAlice)).isEqualTo("connected " + bob.id().toHex());
        assertThat(next(atBob)).isEqualTo("connected " + alice.id().toHex());
        assertThat(signals).extracting(Signal::kind).containsExactly(Signal.Kind.OFFER, Signal.Kind.ANSWER);
        assertThat(signals.peek().body()).as("the SDP names the DTLS fingerprint the channel is bound to")
                .contains("a=fingerprint:sha-256").contains("a=candidate:");

        aliceTransport.send(bob.id(), FrameChannel.ENVELOPE, "hello bob".getBytes()).toCompletableFuture().get();
        bobTransport.send(alice.id(), FrameChannel.DISCOVERY, "hello alice".getBytes()).toCompletableFuture().get();
        assertThat(next(atBob)).isEqualTo("frame ENVELOPE hello bob");
        assertThat(next(atAlice)).isEqualTo("frame DISCOVERY hello alice");
        assertThat(aliceTransport.isConnected(bob.id())).isTrue();

        aliceTransport.disconnect(bob.id());
        assertThat(next(atAlice)).isEqualTo("disconnected " + bob.id().toHex());
        assertThat(next(atBob)).isEqualTo("disconnected " + alice.id().toHex());
        assertThat(bobTransport.connectedPeers()).isEmpty();
    }
}
