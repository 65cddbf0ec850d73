package org.tomprotocol.web;

import java.io.IOException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportListener;
import org.tomprotocol.spi.transport.TransportProvider;

/**
 * A browser node ({@code tools/pipe-node.js}) in a Node.js child process, reached by a Java node through a transport
 * whose one link is the child's standard streams: envelope frames go down as {@code frame} lines, and the child's
 * {@code frame} lines come back as frames from it; every other line it prints is kept for the test to read.
 */
final class PipeToBrowserNode implements TransportProvider, AutoCloseable {
    static final String SCHEME = "pipe";
    private static final HexFormat HEX = HexFormat.of();

    private final BrowserNodeProcess process;
    private final NodeId browser;
    private volatile TransportListener listener;
    private volatile boolean connected;

    PipeToBrowserNode(byte[] seed) throws IOException {
        process = new BrowserNodeProcess(List.of("tools/pipe-node.js", HEX.formatHex(seed)), this::frameLine);
        browser = NodeId.parse(process.ready(1));
    }

    NodeId browserId() {
        return browser;
    }

    TransportAddress address() {
        return new TransportAddress(SCHEME, "browser");
    }

    /** Gives the browser node a command (tools/commands.js). */
    void command(String line) throws IOException {
        process.command(line);
    }

    /** The next line the browser node printed that starts with {@code prefix}, waiting up to 10 s. */
    String next(String prefix) throws InterruptedException {
        return process.next(prefix);
    }

    private void frameLine(String line) {
        TransportListener current = listener;
        if (current != null) {
            current.onFrame(browser, FrameChannel.ENVELOPE, HEX.parseHex(line.split(" ")[2]));
        }
    }

    @Override
    public String id() {
        return SCHEME;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Transport bind(TransportContext context) {
        listener = context.listener();
        NodeId local = context.identity().id();
        return new Transport() {
            @Override
            public List<TransportAddress> localAddresses() {
                return List.of(new TransportAddress(SCHEME, "java"));
            }

            @Override
            public Set<TransportCapability> capabilities() {
                return Set.of(TransportCapability.REACHES_BROWSERS);
            }

            @Override
            public void addPeerAddresses(NodeId peer, Collection<TransportAddress> addresses) {
            }

            @Override
            public CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame) {
                if (!peer.equals(browser) || !connected) {
                    return CompletableFuture.failedFuture(new IOException("no link to " + peer.shortForm()));
                }
                if (channel != FrameChannel.ENVELOPE) {
                    return CompletableFuture.completedFuture(null); // the browser node speaks envelopes only
                }
                try {
                    process.command("frame " + local.toHex() + " " + HEX.formatHex(frame));
                    return CompletableFuture.completedFuture(null);
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public CompletionStage<Void> connect(NodeId peer) {
                if (!peer.equals(browser)) {
                    return CompletableFuture.failedFuture(new IOException("no link to " + peer.shortForm()));
                }
                if (!connected) {
                    connected = true;
                    listener.onConnected(browser, address());
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean isConnected(NodeId peer) {
                return connected && peer.equals(browser);
            }

            @Override
            public Set<NodeId> connectedPeers() {
                return connected ? Set.of(browser) : Set.of();
            }

            @Override
            public void disconnect(NodeId peer) {
            }

            @Override
            public void close() {
                connected = false;
            }
        };
    }

    @Override
    public void close() {
        process.close();
    }
}
