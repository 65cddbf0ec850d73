package org.tomprotocol.transport.quic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;

/**
 * Binds real QUIC transports on loopback and, registered as a JUnit extension, closes them after each test;
 * {@code -Dtom.quic.debug=true} turns on debug logging.
 */
final class TestNodes implements AutoCloseable, AfterEachCallback {
    static {
        DebugLogging.enableIfAsked();
    }

    static final int ONE_MIB = 1 << 20;

    record Node(LocalIdentity identity, QuicTransport transport, RecordingListener listener) {
        NodeId id() {
            return identity.id();
        }

        /** The address peers dial: the bound one (loopback for a wildcard bind) and the real port. */
        TransportAddress address() {
            java.net.InetSocketAddress bound = transport.boundAddress();
            String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
            return new TransportAddress("quic", host + ":" + bound.getPort());
        }
    }

    private final List<Node> nodes = new ArrayList<>();

    Node start() throws TransportException {
        return start(JdkTestCrypto.newIdentity(), "127.0.0.1:0", ONE_MIB, Map.of());
    }

    Node start(Map<String, String> options) throws TransportException {
        return start(JdkTestCrypto.newIdentity(), "127.0.0.1:0", ONE_MIB, options);
    }

    /** A node listening on {@code host} (e.g. 127.0.0.2: all of 127.0.0.0/8 is loopback on Linux). */
    Node startOn(String host, Map<String, String> options) throws TransportException {
        return start(JdkTestCrypto.newIdentity(), host + ":0", ONE_MIB, options);
    }

    Node start(LocalIdentity identity, String listen, int maxFrameBytes, Map<String, String> options)
            throws TransportException {
        RecordingListener listener = new RecordingListener();
        TransportContext context = new TransportContext(identity, JdkTestCrypto.INSTANCE,
                List.of(new TransportAddress("quic", listen)), maxFrameBytes, options, listener);
        QuicTransport transport = (QuicTransport) new QuicTransportProvider().bind(context);
        Node node = new Node(identity, transport, listener);
        nodes.add(node);
        return node;
    }

    /** Tells {@code from} where {@code to} listens. */
    static void introduce(Node from, Node to) {
        from.transport().addPeerAddresses(to.id(), List.of(to.address()));
    }

    /** Polls a condition that the transport reaches asynchronously (not a sleep: it ends as soon as it holds). */
    static void eventually(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        nodes.forEach(node -> node.transport().close());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
