package org.tomprotocol.transport.quic;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLPeerUnverifiedException;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;

/**
 * The connection registry: authenticates completed handshakes into {@link PeerConnection}s, keeps one
 * {@link PeerLink} per peer while anything goes on with it, and routes connection and stream events to them.
 * A link idle for {@code quic.peer-linger-ms} is dropped, its addresses kept in the bounded
 * {@link AddressDirectory}, so the table holds what is in use, not every peer ever heard of. Accepted
 * connections count against their address's identity cap ({@link AddressLimits}). Event-loop confined.
 */
final class ConnectionRegistry implements FrameSink, ConnectionEvents.Callbacks, Dialer.Registrar {
    private static final System.Logger LOG = System.getLogger(ConnectionRegistry.class.getName());

    private static final long[] MIGRATION_CHECKS_MILLIS = {10, 250};

    private final Map<NodeId, PeerLink> links = new HashMap<>();
    /** When each idle link was first seen idle. */
    private final Map<NodeId, Long> idleSince = new HashMap<>();
    private final int maxFrameBytes;
    private final FrameBudget budget;
    private final AddressLimits addressLimits;
    private final AddressDirectory directory;
    private final long lingerNanos;
    private LinkEnvironment env;
    private long nextSequence;
    private long nextConnectionOrder;

    ConnectionRegistry(int maxFrameBytes, QuicLimits limits, AddressLimits addressLimits) {
        this.maxFrameBytes = maxFrameBytes;
        this.budget = new FrameBudget(limits);
        this.addressLimits = addressLimits;
        this.directory = new AddressDirectory(limits.maxKnownPeers());
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(limits.peerLingerMillis());
    }

    /** Completes the wiring once the dialer exists; before any connection or frame. */
    void environment(LinkEnvironment environment) {
        this.env = environment;
    }

    /** Adds an {@link InboundFrameReader} to every stream a peer opens. */
    ChannelHandler streamInitializer() {
        FrameSink sink = this;
        return new ChannelInitializer<QuicStreamChannel>() {
            @Override
            protected void initChannel(QuicStreamChannel stream) {
                stream.pipeline().addLast(new InboundFrameReader(maxFrameBytes, sink, budget, env.errors()));
            }
        };
    }

    PeerLink link(NodeId peer) {
        return links.computeIfAbsent(peer, id -> new PeerLink(id, env, directory.take(id)));
    }

    PeerLink existingLink(NodeId peer) {
        return links.get(peer);
    }

    /** Records where {@code peer} may be reached, in its link if it has one. */
    void addAddresses(NodeId peer, Collection<InetSocketAddress> addresses) {
        PeerLink link = links.get(peer);
        if (link != null) {
            link.addAddresses(addresses);
        } else {
            directory.add(peer, addresses);
        }
    }

    FrameBudget budget() {
        return budget;
    }

    /** Links held now. */
    int links() {
        return links.size();
    }

    /** Peers known by their addresses only. */
    int addressOnlyPeers() {
        return directory.size();
    }

    void send(NodeId peer, FrameChannel channel, byte[] payload, CompletableFuture<Void> result) {
        link(peer).enqueue(new PendingFrame(nextSequence++, channel, payload, result));
    }

    // ---- authentication

    @Override
    public PeerConnection attachOutbound(QuicChannel channel, NodeId expected) {
        return authenticate(channel, true, expected);
    }

    @Override
    public void inboundEstablished(QuicChannel channel) {
        authenticate(channel, false, null);
    }

    private PeerConnection authenticate(QuicChannel channel, boolean dialledByUs, NodeId expected) {
        PeerConnection known = channel.attr(PeerConnection.ATTRIBUTE).get();
        if (known != null) {
            return known;
        }
        if (!channel.isActive()) {
            return null;
        }
        X509Certificate certificate;
        NodeId peer;
        try {
            certificate = PeerIdentity.peerCertificate(channel.sslEngine());
            peer = PeerIdentity.nodeIdOf(certificate);
        } catch (SSLPeerUnverifiedException | CertificateException e) {
            return refuse(channel, null, "handshake-failed");
        }
        if (expected != null && !peer.equals(expected)) {
            return refuse(channel, null, "identity-mismatch"); // the trust manager already refuses this
        }
        if (peer.equals(env.localId())) {
            return refuse(channel, null, "self-connection");
        }
        InetAddress from = dialledByUs || !(channel.remoteSocketAddress() instanceof InetSocketAddress remote)
                ? null : remote.getAddress();
        if (from != null && !addressLimits.admitIdentity(from, peer)) {
            env.listener().onShed(peer, "identities-per-address");
            channel.close();
            return null;
        }
        PeerLink link = link(peer);
        PeerConnection connection = new PeerConnection(channel, peer, PeerIdentity.incarnationOf(certificate),
                dialledByUs, nextConnectionOrder++, link, env.options().ackTimeoutMillis());
        channel.attr(PeerConnection.ATTRIBUTE).set(connection);
        channel.closeFuture().addListener(env.errors().guard("closing a connection", closed -> {
            if (from != null) {
                addressLimits.identityClosed(from, peer);
            }
            link.connectionClosed(connection);
        }));
        LOG.log(System.Logger.Level.DEBUG, "{0} established", connection);
        link.attach(connection);
        return connection;
    }

    private PeerConnection refuse(QuicChannel channel, NodeId peer, String reason) {
        env.listener().onRejected(peer, reason);
        channel.close();
        return null;
    }

    /** The connection of {@code channel}, authenticating it first if its events overtook the handshake's. */
    private PeerConnection connectionOf(QuicChannel channel) {
        PeerConnection connection = channel.attr(PeerConnection.ATTRIBUTE).get();
        if (connection != null) {
            return connection;
        }
        NodeId expected = channel.attr(TlsContexts.EXPECTED_PEER).get();
        return authenticate(channel, expected != null, expected);
    }

    // ---- events

    @Override
    public boolean frameReceived(QuicChannel channel, FrameChannel frameChannel, byte[] payload) {
        PeerConnection connection = connectionOf(channel);
        return connection != null && connection.link().frameReceived(connection, frameChannel, payload);
    }

    @Override
    public void frameRejected(QuicChannel channel, String reason) {
        PeerConnection connection = channel.attr(PeerConnection.ATTRIBUTE).get();
        env.listener().onRejected(connection == null ? null : connection.peer, reason);
    }

    @Override
    public void frameShed(QuicChannel channel, String reason) {
        PeerConnection connection = channel.attr(PeerConnection.ATTRIBUTE).get();
        env.listener().onShed(connection == null ? null : connection.peer, reason);
    }

    @Override
    public void inboundHandshakeFailed(QuicChannel channel) {
        env.listener().onRejected(null, "handshake-failed");
    }

    @Override
    public void streamCreditChanged(QuicChannel channel) {
        PeerConnection connection = channel.attr(PeerConnection.ATTRIBUTE).get();
        if (connection != null) {
            connection.link().streamCreditAvailable(connection);
        }
    }

    @Override
    public void peerClosed(QuicChannel channel, String reason) {
        PeerConnection connection = channel.attr(PeerConnection.ATTRIBUTE).get();
        if (connection != null) {
            connection.peerClosed(reason);
        }
    }

    @Override
    public void peerMigrated(QuicChannel channel) {
        PeerConnection connection = channel.attr(PeerConnection.ATTRIBUTE).get();
        if (connection == null) {
            return;
        }
        // the codec updates the channel's remote address when it next sends: look right after, and once more
        for (long delay : MIGRATION_CHECKS_MILLIS) {
            channel.eventLoop().schedule(env.errors().guard("migration check",
                    () -> connection.link().checkRemote(connection)), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Keep-alives and health checks, late frames, aged address reports, idle links. */
    void tick(long now) {
        for (PeerLink link : List.copyOf(links.values())) {
            link.tick(now);
        }
        budget.expire(now);
        env.expireObserved(now);
        dropIdleLinks(now);
    }

    /** Drops the links idle for the linger time (a hole punch holds a session watcher, so it is not idle). */
    private void dropIdleLinks(long now) {
        for (Iterator<PeerLink> it = links.values().iterator(); it.hasNext(); ) {
            PeerLink link = it.next();
            if (!link.isIdle()) {
                idleSince.remove(link.peer);
            } else if (now - idleSince.computeIfAbsent(link.peer, peer -> now) >= lingerNanos) {
                it.remove();
                idleSince.remove(link.peer);
                directory.keep(link.peer, link.addresses());
            }
        }
    }

    /** Ends every session (the transport is closing). */
    void closeAll(String reason) {
        for (PeerLink link : new ArrayList<>(links.values())) {
            link.disconnect(reason);
        }
    }
}
