package org.tomprotocol.transport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportListener;

/**
 * The web endpoint with a WebSocket client standing in for a browser (the JDK's): a browser is connected only
 * once it proved the key it claims for this endpoint's challenge, frames then go both ways, and everything else
 * closes its socket without connecting anyone.
 */
class WebTransportTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private final LocalIdentity node = SUITE.generateIdentity();
    private final LocalIdentity browser = SUITE.generateIdentity();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private Transport transport;
    private URI socket;

    @BeforeEach
    void start() throws Exception {
        TransportListener listener = new TransportListener() {
            @Override
            public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
                events.add("frame " + peer.shortForm() + " " + channel + " " + new String(frame));
            }

            @Override
            public void onConnected(NodeId peer, TransportAddress remote) {
                events.add("connected " + peer.shortForm());
            }

            @Override
            public void onDisconnected(NodeId peer, String reason) {
                events.add("disconnected " + peer.shortForm());
            }
        };
        transport = new WebTransportProvider().bind(new TransportContext(node, SUITE,
                List.of(TransportAddress.parse("ws:127.0.0.1:0")), 1 << 16, Map.of("web.proof-timeout", "1000", "web.max-sockets", "2"),
                listener));
        socket = URI.create("ws://" + transport.localAddresses().get(0).address() + "/tom");
    }

    @AfterEach
    void stop() {
        transport.close();
    }

    @Test
    void aBrowserThatProvesItsKeyIsConnectedAndFramesGoBothWays() throws Exception {
        Client client = Client.open(socket);
        byte[] hello = client.next();
        assertThat(hello[0]).isEqualTo(BrowserHandshake.HELLO);
        assertThat(Arrays.copyOfRange(hello, 1, 33)).isEqualTo(node.id().toBytes());

        client.send(proof(hello, node.id()));
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("connected " + browser.id().shortForm());
        assertThat(transport.isConnected(browser.id())).isTrue();
        transport.connect(browser.id()).toCompletableFuture().get(5, TimeUnit.SECONDS);

        client.send(BrowserHandshake.frame(FrameChannel.ENVELOPE.code(), "to the node".getBytes()));
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("frame " + browser.id().shortForm() + " ENVELOPE to the node");

        transport.send(browser.id(), FrameChannel.ENVELOPE, "to the browser".getBytes()).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo(BrowserHandshake.frame(0, "to the browser".getBytes()));

        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("disconnected " + browser.id().shortForm());
        assertThat(transport.isConnected(browser.id())).isFalse();
    }

    @Test
    void garbageOrAnOversizedMessageFromAnAuthenticatedBrowserClosesOnlyItsOwnSocket() throws Exception {
        Client garbage = authenticated(browser);
        LocalIdentity otherBrowser = SUITE.generateIdentity();
        Client bystander = authenticated(otherBrowser);

        garbage.send(new byte[] {0x7f, 1, 2, 3});
        assertThat(garbage.closed.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("disconnected " + browser.id().shortForm());

        Client oversized = authenticated(browser);
        // the node's frame limit is 64 KiB here: one byte more than a whole frame message may hold
        oversized.socket.sendBinary(ByteBuffer.wrap(new byte[(1 << 16) + 3]), true);
        assertThat(oversized.closed.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("disconnected " + browser.id().shortForm());

        bystander.send(BrowserHandshake.frame(FrameChannel.ENVELOPE.code(), "still here".getBytes()));
        assertThat(events.poll(5, TimeUnit.SECONDS))
                .isEqualTo("frame " + otherBrowser.id().shortForm() + " ENVELOPE still here");
        assertThat(transport.connectedPeers()).containsExactly(otherBrowser.id());
    }

    /** A socket that proved {@code identity}, its {@code connected} event taken. */
    private Client authenticated(LocalIdentity identity) throws Exception {
        Client client = Client.open(socket);
        client.send(proofBy(identity, client.next(), node.id()));
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("connected " + identity.id().shortForm());
        return client;
    }

    @Test
    void aProofForAnotherEndpointClosesTheSocketAndConnectsNobody() throws Exception {
        Client client = Client.open(socket);
        byte[] hello = client.next();

        client.send(proof(hello, SUITE.generateIdentity().id()));

        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(transport.connectedPeers()).isEmpty();
    }

    @Test
    void aFrameBeforeTheProofClosesTheSocket() throws Exception {
        Client client = Client.open(socket);
        client.next();

        client.send(BrowserHandshake.frame(0, "too early".getBytes()));

        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aSocketThatNeverAnswersTheChallengeIsClosedAfterTheProofTimeout() throws Exception {
        Client client = Client.open(socket);
        client.next();

        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(transport.connectedPeers()).isEmpty();
    }

    @Test
    void aSocketBeyondTheMostTheEndpointKeepsIsClosedAtOnceAndTheNextOneIsTakenOnceOneCloses() throws Exception {
        Client first = Client.open(socket);
        first.next();
        Client second = Client.open(socket);
        second.next();

        assertThatThrownBy(() -> Client.open(socket)).as("a third socket is closed before its handshake")
                .isInstanceOf(java.util.concurrent.ExecutionException.class);

        first.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        assertThat(first.closed.get(5, TimeUnit.SECONDS)).isTrue();
        Client again = openWhenTaken();
        assertThat(again.next()[0]).isEqualTo(BrowserHandshake.HELLO);
    }

    /** A socket once the endpoint takes one more (the count drops when the server side has closed). */
    private Client openWhenTaken() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Client client = Client.open(socket);
                byte[] hello = client.messages.poll(200, TimeUnit.MILLISECONDS);
                if (hello != null) {
                    client.messages.add(hello);
                    return client;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // refused while the endpoint was full: try again
            }
        }
        throw new AssertionError("the endpoint took no socket after one closed");
    }

    @Test
    void aBrowserThatIsNotConnectedCannotBeReached() {
        assertThatThrownBy(() -> transport.connect(browser.id()).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TransportException.class).hasMessageContaining("only while it is connected");
        assertThatThrownBy(() -> transport.send(browser.id(), FrameChannel.ENVELOPE, new byte[1]).toCompletableFuture()
                .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TransportException.class);
    }

    @Test
    void aListenAddressWithoutAPortIsRefusedNamingIt() {
        assertThatThrownBy(() -> new WebTransportProvider().bind(new TransportContext(node, SUITE,
                List.of(TransportAddress.parse("ws:localhost")), 1 << 16, Map.of(), new IgnoringListener())))
                .isInstanceOf(TransportException.class).hasMessageContaining("ws:localhost");
    }

    private byte[] proof(byte[] hello, NodeId endpoint) {
        return proofBy(browser, hello, endpoint);
    }

    private static byte[] proofBy(LocalIdentity identity, byte[] hello, NodeId endpoint) {
        byte[] challenge = Arrays.copyOfRange(hello, 33, 65);
        return BrowserHandshake.proof(identity.id(), identity.sign(BrowserHandshake.signed(challenge, endpoint,
                identity.id())));
    }

    /** The JDK's WebSocket client, keeping the binary messages it receives. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Boolean> closed = new CompletableFuture<>();
        WebSocket socket;
        private ByteBuffer partial = ByteBuffer.allocate(0);

        static Client open(URI uri) throws Exception {
            Client client = new Client();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, client)
                    .get(5, TimeUnit.SECONDS);
            return client;
        }

        byte[] next() throws InterruptedException {
            byte[] message = messages.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("a message from the endpoint").isNotNull();
            return message;
        }

        void send(byte[] message) throws Exception {
            socket.sendBinary(ByteBuffer.wrap(message), true).get(5, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            ByteBuffer joined = ByteBuffer.allocate(partial.remaining() + data.remaining());
            joined.put(partial).put(data).flip();
            partial = joined;
            if (last) {
                byte[] message = new byte[partial.remaining()];
                partial.get(message);
                messages.add(message);
                partial = ByteBuffer.allocate(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(true);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(true);
        }
    }
}
