package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.spi.transport.TransportContext;
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
    private static final String DEFAULT_LISTEN = "0.0.0.0:0";

    private final NodeId localId;
    private final int maxFrameBytes;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final SharedUdpSocket socket;
    private final PeerTable peers;
    private final LocalAddressBook addresses;
    private final Set<NodeId> connected;
    private final HolePunching punching;
    private final ScheduledFuture<?> ticker;
    private volatile boolean closed;

    private QuicTransport(NodeId localId, int maxFrameBytes, EventLoopGroup group, SharedUdpSocket socket,
                          PeerTable peers, LocalAddressBook addresses, Set<NodeId> connected, HolePunching punching,
                          long tickMillis) {
        this.localId = localId;
        this.maxFrameBytes = maxFrameBytes;
        this.group = group;
        this.loop = socket.eventLoop();
        this.socket = socket;
        this.peers = peers;
        this.addresses = addresses;
        this.connected = connected;
        this.punching = punching;
        this.ticker = loop.scheduleAtFixedRate(() -> peers.tick(System.nanoTime()), tickMillis, tickMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Binds a transport as {@code context} says. */
    static QuicTransport bind(TransportContext context) throws TransportException {
        QuicOptions options;
        PunchTiming punchTiming;
        InetSocketAddress listen;
        try {
            options = QuicOptions.from(context);
            punchTiming = PunchTiming.from(context.options());
            listen = listenAddress(context.listen());
        } catch (IllegalArgumentException e) {
            throw new TransportException(e.getMessage(), e);
        }
        int maxFrameBytes = context.maxFrameBytes();
        if (maxFrameBytes <= 0 || maxFrameBytes > FrameHeader.MAX_PAYLOAD) {
            throw new TransportException("maxFrameBytes must be between 1 and " + FrameHeader.MAX_PAYLOAD
                    + " for the quic transport (24-bit frame length), got " + maxFrameBytes);
        }
        SecureRandom random = new SecureRandom();
        IdentityCertificate identity;
        try {
            identity = IdentityCertificate.create(context.identity(), random);
        } catch (GeneralSecurityException e) {
            throw new TransportException("cannot build the TLS certificate of identity "
                    + context.identity().id().shortForm() + ": " + e.getMessage(), e);
        }
        ListenerGuard listener = new ListenerGuard(context.listener());
        PeerTable peers = new PeerTable(maxFrameBytes);
        ChannelHandler streams = peers.streamInitializer();
        PinnedPeerTrustManager trust = new PinnedPeerTrustManager(context.crypto(),
                reason -> listener.onRejected(null, reason));
        TlsContexts tls = new TlsContexts(identity, trust);
        Dialer dialer = new Dialer(options, new ConnectionEvents(peers, false), streams, peers);
        LocalAddressBook addresses = new LocalAddressBook();
        Set<NodeId> connected = ConcurrentHashMap.newKeySet();
        peers.environment(new LinkEnvironment(context.identity().id(), options, listener, connected, addresses, dialer));

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("tom-quic-" + context.identity().id().shortForm(), true),
                NioIoHandler.newFactory());
        try {
            SharedUdpSocket socket = SharedUdpSocket.bind(group, listen, tls, options, maxFrameBytes,
                    new ConnectionEvents(peers, true), streams, random);
            dialer.socket(socket);
            addresses.bound(QuicAddresses.reachableAddresses(socket.localAddress()));
            HolePunching punching = new HolePunching(context.identity().id(), socket, peers, dialer, listener,
                    punchTiming);
            socket.eventLoop().submit(() -> socket.rawDatagramHandler(punching::onDatagram)).syncUninterruptibly();
            LOG.log(System.Logger.Level.DEBUG, "quic transport of {0} bound to {1}",
                    context.identity().id().shortForm(), socket.localAddress());
            return new QuicTransport(context.identity().id(), maxFrameBytes, group, socket, peers, addresses,
                    connected, punching, options.tickMillis());
        } catch (TransportException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    private static InetSocketAddress listenAddress(List<TransportAddress> listen) {
        List<TransportAddress> quic = listen.stream()
                .filter(address -> QuicTransportProvider.SCHEME.equals(address.scheme())).toList();
        if (quic.size() > 1) {
            throw new IllegalArgumentException("the quic transport listens on one UDP socket, which it also dials "
                    + "from; give one quic: listen address, not " + quic);
        }
        TransportAddress address = quic.isEmpty()
                ? new TransportAddress(QuicTransportProvider.SCHEME, DEFAULT_LISTEN) : quic.get(0);
        InetSocketAddress socket = QuicAddresses.parse(address);
        if (socket.isUnresolved()) {
            throw new IllegalArgumentException("quic listen address '" + address + "' must be an IP address");
        }
        return socket;
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
            execute(() -> peers.link(peer).addAddresses(parsed), null);
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
     * Punches through NATs towards {@code peer}: probes from the listening socket to every candidate for a short
     * window, the side with the lower node id dialling (see {@link HolePunching}). The candidates are also
     * remembered as the peer's addresses.
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
            peers.link(peer).addAddresses(parsed);
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

    /** How many open connections to {@code peer} this node dialled; blocks briefly (tests). */
    int sessionsDialledByThisNode(NodeId peer) {
        return loop.submit(() -> {
            PeerLink link = peers.existingLink(peer);
            return link == null ? 0 : link.openConnectionsDialledByUs();
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
            loop.execute(task);
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
