package org.tomprotocol.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

    private final Process process;
    private final Writer input;
    private final NodeId browser;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private volatile TransportListener listener;
    private volatile boolean connected;

    PipeToBrowserNode(byte[] seed) throws IOException {
        process = new ProcessBuilder("node", "tools/pipe-node.js", HEX.formatHex(seed))
                .directory(NodeJs.moduleDirectory().toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        input = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String ready = output.readLine();
        if (ready == null || !ready.startsWith("ready ")) {
            throw new IOException("the browser node did not start: " + ready);
        }
        browser = NodeId.parse(ready.substring("ready ".length()));
        Thread.ofPlatform().daemon().name("browser-node-output").start(() -> read(output));
    }

    NodeId browserId() {
        return browser;
    }

    TransportAddress address() {
        return new TransportAddress(SCHEME, "browser");
    }

    /** Tells the browser node to send a chat. */
    synchronized void command(String line) throws IOException {
        input.write(line + "\n");
        input.flush();
    }

    /** The next line the browser node printed that starts with {@code prefix}, waiting up to 10 s. */
    String next(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = events.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the browser node printed no '" + prefix + "' line within 10 s");
    }

    private void read(BufferedReader output) {
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith("frame ")) {
                    String[] parts = line.split(" ");
                    TransportListener current = listener;
                    if (current != null) {
                        current.onFrame(browser, FrameChannel.ENVELOPE, HEX.parseHex(parts[2]));
                    }
                } else {
                    events.add(line);
                }
            }
        } catch (IOException e) {
            events.add("closed " + e.getMessage());
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
                    command("frame " + local.toHex() + " " + HEX.formatHex(frame));
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
        process.destroy();
    }
}
