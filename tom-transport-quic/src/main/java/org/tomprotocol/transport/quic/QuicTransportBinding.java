package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;

/** Builds a {@link QuicTransport}: reads and checks its options, wires its parts together, binds its socket. */
final class QuicTransportBinding {
    private static final System.Logger LOG = System.getLogger(QuicTransportBinding.class.getName());
    private static final String DEFAULT_LISTEN = "0.0.0.0:0";
    /** Peers whose report of this node's address is held at once. */
    private static final int OBSERVED_ADDRESS_REPORTERS = 64;

    private QuicTransportBinding() {
    }

    /** Binds a transport as {@code context} says. */
    static QuicTransport bind(TransportContext context) throws TransportException {
        int maxFrameBytes = context.maxFrameBytes();
        if (maxFrameBytes <= 0 || maxFrameBytes > FrameHeader.MAX_PAYLOAD) {
            throw new TransportException("maxFrameBytes must be between 1 and " + FrameHeader.MAX_PAYLOAD
                    + " for the quic transport (24-bit frame length), got " + maxFrameBytes);
        }
        QuicOptions options;
        QuicLimits limits;
        PunchTiming punchTiming;
        InetSocketAddress listen;
        try {
            options = QuicOptions.from(context);
            limits = QuicLimits.from(context.options(), maxFrameBytes);
            punchTiming = PunchTiming.from(context.options());
            listen = listenAddress(context.listen());
        } catch (IllegalArgumentException e) {
            throw new TransportException(e.getMessage(), e);
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
        LoopErrors errors = new LoopErrors(listener);
        AddressLimits addressLimits = new AddressLimits(limits);
        ConnectionRegistry peers = new ConnectionRegistry(maxFrameBytes, limits, addressLimits);
        ChannelHandler streams = peers.streamInitializer();
        PinnedPeerTrustManager trust = new PinnedPeerTrustManager(context.crypto(),
                reason -> listener.onRejected(null, reason));
        TlsContexts tls = new TlsContexts(identity, trust);
        Dialer dialer = new Dialer(options, new ConnectionEvents(peers, null, errors), streams, peers, errors);
        InboundAdmission admission = new InboundAdmission(limits, options.handshakeTimeoutMillis(), addressLimits,
                new RetryTokens(random, InboundAdmission.TOKEN_VALIDITY_MILLIS), listener, errors);
        LocalAddressBook addresses = new LocalAddressBook();
        ObservedAddressVotes votes = new ObservedAddressVotes(OBSERVED_ADDRESS_REPORTERS,
                limits.observedAddressTtlMillis());
        Set<NodeId> connected = ConcurrentHashMap.newKeySet();
        peers.environment(new LinkEnvironment(context.identity().id(), options, listener, connected, addresses, votes,
                dialer, errors));

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("tom-quic-" + context.identity().id().shortForm(), true),
                NioIoHandler.newFactory());
        try {
            SharedUdpSocket socket = SharedUdpSocket.bind(group, listen, tls, options, limits, maxFrameBytes,
                    admission, new ConnectionEvents(peers, admission, errors), streams, errors, random);
            dialer.socket(socket);
            addresses.bound(QuicAddresses.reachableAddresses(socket.localAddress()));
            HolePunching punching = new HolePunching(context.identity().id(), socket, peers, dialer, listener,
                    punchTiming, errors);
            socket.eventLoop().submit(() -> socket.rawDatagramHandler(punching::onDatagram)).syncUninterruptibly();
            LOG.log(System.Logger.Level.DEBUG, "quic transport of {0} bound to {1}",
                    context.identity().id().shortForm(), socket.localAddress());
            long tickMillis = Math.max(20, Math.min(options.tickMillis(), limits.frameDeadlineMillis() / 4));
            return new QuicTransport(context.identity().id(), maxFrameBytes, group, socket, peers, addresses,
                    connected, punching, admission, errors, tickMillis);
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
}
