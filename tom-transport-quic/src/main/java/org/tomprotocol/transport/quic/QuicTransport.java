package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.spi.transport.TransportException;

/**
 * The bound QUIC transport. One UDP socket, one Netty event loop thread; every piece of state lives on that
 * loop and the public methods only validate and hand work over to it, so none of them blocks (except
 * {@link #close}, which waits briefly for the socket to be released). The listener is called on the loop.
 *
 * <p>{@link #send} completes when the peer has read the whole frame (it acknowledges each frame by closing its
 * half of the frame's stream). A frame whose connection dies unacknowledged is sent again on the next
 * connection, so a frame is delivered at least once and, short of such a failure, exactly once. Frames wait
 * (bounded by {@code quic.max-queued-frames}) while the peer is dialled, for as long as it takes; they fail on
 * {@link #disconnect}, {@link #close}, queue overflow, a refusal by the peer (too large) or when no address of
 * the peer is known at all.
 */
final class QuicTransport implements Transport {
    private static final System.Logger LOG = System.getLogger(QuicTransport.class.getName());
    private static final Set<TransportCapability> CAPABILITIES =
            Set.copyOf(EnumSet.of(TransportCapability.SECURE_LINK, TransportCapability.OBSERVED_ADDRESSES,
                    TransportCapability.NAT_TRAVERSAL));

    private final NodeId localId;
    private final int maxFrameBytes;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final SharedUdpSocket socket;
    private final ConnectionRegistry peers;
    private final LocalAddressBook addresses;
    private final Set<NodeId> connected;
    private final HolePunching punching;
    private final InboundAdmission admission;
    private final LoopErrors errors;
    private final ScheduledFuture<?> ticker;
    private volatile boolean closed;

    QuicTransport(NodeId localId, int maxFrameBytes, EventLoopGroup group, SharedUdpSocket socket,
                          ConnectionRegistry peers, LocalAddressBook addresses, Set<NodeId> connected, HolePunching punching,
                          InboundAdmission admission, LoopErrors errors, long tickMillis) {
        this.localId = localId;
        this.maxFrameBytes = maxFrameBytes;
        this.group = group;
        this.loop = socket.eventLoop();
        this.socket = socket;
        this.peers = peers;
        this.addresses = addresses;
        this.connected = connected;
        this.punching = punching;
        this.admission = admission;
        this.errors = errors;
        this.ticker = loop.scheduleAtFixedRate(errors.guard("tick", () -> peers.tick(System.nanoTime())), tickMillis,
                tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return addresses.snapshot();
    }

    @Override
    public Set<TransportCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void addPeerAddresses(NodeId peer, Collection<TransportAddress> peerAddresses) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(peerAddresses, "addresses");
        List<InetSocketAddress> parsed = parse(peer, peerAddresses);
        if (!parsed.isEmpty() && !peer.equals(localId)) {
            execute(() -> peers.addAddresses(peer, parsed), null);
        }
    }

    private static List<InetSocketAddress> parse(NodeId peer, Collection<TransportAddress> peerAddresses) {
        List<InetSocketAddress> parsed = new ArrayList<>();
        for (TransportAddress address : peerAddresses) {
            if (address == null || !QuicTransportProvider.SCHEME.equals(address.scheme())) {
                continue;
            }
            try {
                parsed.add(QuicAddresses.parse(address));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.DEBUG, "ignored address of {0}: {1}", peer.shortForm(), e.getMessage());
            }
        }
        return parsed;
    }

    @Override
    public CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(frame, "frame");
        if (channel == FrameChannel.CONTROL) {
            return failed("CONTROL frames belong to the transport; send ENVELOPE or DISCOVERY frames");
        }
        if (frame.length > maxFrameBytes) {
            return failed("frame of " + frame.length + " bytes exceeds the maximum of " + maxFrameBytes);
        }
        if (peer.equals(localId)) {
            return failed("cannot send a frame to this node itself");
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        byte[] copy = frame.clone();
        execute(() -> peers.send(peer, channel, copy, result), result);
        return result;
    }

    @Override
    public CompletionStage<Void> connect(NodeId peer) {
        Objects.requireNonNull(peer, "peer");
        if (peer.equals(localId)) {
            return failed("cannot connect to this node itself");
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        execute(() -> peers.link(peer).connect(result), result);
        return result;
    }

    /**
     * Punches through NATs towards {@code peer}: a few probes from the listening socket to every candidate, the
     * side with the lower node id dialling (see {@link HolePunching}). Candidates are not added to the peer's
     * addresses: only {@link #addPeerAddresses} does that, and a candidate it did not give is only probed.
     */
    @Override
    public CompletionStage<Void> connectDirect(NodeId peer, List<TransportAddress> candidates) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(candidates, "candidates");
        if (peer.equals(localId)) {
            return failed("cannot connect to this node itself");
        }
        List<InetSocketAddress> parsed = parse(peer, candidates);
        if (parsed.isEmpty()) {
            return failed("no usable quic candidate for peer " + peer.shortForm() + " in " + candidates);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        execute(() -> {
            punching.punch(peer, parsed).whenComplete((ignored, error) -> {
                if (error == null) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(error);
                }
            });
        }, result);
        return result;
    }

    @Override
    public boolean isConnected(NodeId peer) {
        return connected.contains(peer);
    }

    @Override
    public Set<NodeId> connectedPeers() {
        return Set.copyOf(connected);
    }

    /**
     * Stops taking new frames from {@code peer} for {@code duration}: its streams wait inside QUIC, whose flow
     * control then holds the peer back; the connection stays up and reading resumes by itself.
     */
    @Override
    public void pause(NodeId peer, java.time.Duration duration) {
        Objects.requireNonNull(peer, "peer");
        long millis = Math.max(1, duration.toMillis());
        execute(() -> {
            PeerLink link = peers.existingLink(peer);
            if (link != null) {
                link.connections().pause(millis);
            }
        }, null);
    }

    @Override
    public void disconnect(NodeId peer) {
        Objects.requireNonNull(peer, "peer");
        execute(() -> {
            PeerLink link = peers.existingLink(peer);
            if (link != null) {
                link.disconnect("disconnect requested");
            }
        }, null);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Runnable shutdown = () -> {
            ticker.cancel(false);
            punching.closeAll();
            peers.closeAll("transport closed");
            socket.close(); // after the CONNECTION_CLOSE packets above were flushed
        };
        if (loop.inEventLoop()) {
            shutdown.run();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            return;
        }
        try {
            loop.submit(shutdown).awaitUninterruptibly(2, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // the loop is already gone
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    // ---- internal API for NAT traversal and tests

    /** Where the shared socket is bound (its port is the port every dial and raw datagram comes from). */
    InetSocketAddress boundAddress() {
        return socket.localAddress();
    }

    /**
     * Sends a raw UDP datagram from the listening socket, e.g. a hole-punching probe. The first byte must have
     * bit 0x40 clear so receivers do not take it for QUIC. Takes ownership of {@code payload}.
     */
    CompletionStage<Void> sendRawDatagram(InetSocketAddress to, ByteBuf payload) {
        if (payload.isReadable() && (payload.getUnsignedByte(payload.readerIndex()) & 0x40) != 0) {
            payload.release();
            return failed("a raw datagram's first byte must have bit 0x40 clear, or peers take it for QUIC");
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        execute(() -> socket.sendDatagram(to, payload).addListener(done -> complete(result, done)), result);
        return result;
    }

    /**
     * Receives raw (non-QUIC) datagrams arriving on the listening socket, hole-punching probes excepted; called
     * on the event loop. In effect when this returns.
     */
    void onRawDatagram(BiConsumer<InetSocketAddress, ByteBuf> handler) {
        punching.otherDatagrams(handler);
    }

    /** Runs {@code task} on the transport's event loop (for extensions that work with its state). */
    Future<?> onLoop(Runnable task) {
        return loop.submit(task);
    }

    /** Every address peers reported for this node, including ones equal to a bound address. */
    List<TransportAddress> reportedAddresses() {
        return addresses.reported();
    }

    /** How many address reports peers sent. */
    long addressReports() {
        return addresses.reports();
    }

    /** The shared socket, for extensions on the event loop (and tests that simulate a crash). */
    SharedUdpSocket socket() {
        return socket;
    }

    /** How many open connections the transport has to {@code peer}; blocks briefly (tests). */
    int openConnections(NodeId peer) {
        return loop.submit(() -> {
            PeerLink link = peers.existingLink(peer);
            return link == null ? 0 : link.openConnections();
        }).syncUninterruptibly().getNow();
    }

    /** Whether reading from every connection to {@code peer} is paused now; blocks briefly (tests). */
    boolean isPaused(NodeId peer) {
        return loop.submit(() -> {
            PeerLink link = peers.existingLink(peer);
            return link != null && link.connections().allPaused();
        }).syncUninterruptibly().getNow();
    }

    /** How many open connections to {@code peer} this node dialled; blocks briefly (tests). */
    int sessionsDialledByThisNode(NodeId peer) {
        return loop.submit(() -> {
            PeerLink link = peers.existingLink(peer);
            return link == null ? 0 : link.openConnectionsDialledByUs();
        }).syncUninterruptibly().getNow();
    }

    /** What the transport holds and has refused under load; blocks briefly (tests). */
    record Load(long partialFrameBytes, long peakPartialFrameBytes, int partialFrames, int halfOpen, int peakHalfOpen,
                long retriesSent, int links, int addressOnlyPeers, int punches, long punchSendsRefused) {
    }

    Load load() {
        return loop.submit(() -> new Load(peers.budget().held(), peers.budget().peakHeld(),
                peers.budget().partialFrames(), admission.halfOpen(), admission.peakHalfOpen(), admission.retriesSent(),
                peers.links(), peers.addressOnlyPeers(), punching.running(), punching.overBudget()))
                .syncUninterruptibly().getNow();
    }

    /** The QUIC connection this node sends to {@code peer} on, or null; blocks briefly (tests). */
    io.netty.handler.codec.quic.QuicChannel connectionTo(NodeId peer) {
        return loop.submit(() -> {
            PeerLink link = peers.existingLink(peer);
            PeerConnection preferred = link == null ? null : link.preferred();
            return preferred == null ? null : preferred.channel;
        }).syncUninterruptibly().getNow();
    }

    private static void complete(CompletableFuture<Void> result, Future<?> done) {
        if (done.isSuccess()) {
            result.complete(null);
        } else {
            result.completeExceptionally(new TransportException("raw datagram not sent: " + done.cause(),
                    done.cause()));
        }
    }

    private void execute(Runnable task, CompletableFuture<?> result) {
        if (closed) {
            if (result != null) {
                result.completeExceptionally(new TransportException("the quic transport is closed"));
            }
            return;
        }
        try {
            loop.execute(errors.guard("a call from the engine", task));
        } catch (RejectedExecutionException e) {
            if (result != null) {
                result.completeExceptionally(new TransportException("the quic transport is closed", e));
            }
        }
    }

    private static CompletionStage<Void> failed(String message) {
        return CompletableFuture.failedFuture(new TransportException(message));
    }
}
