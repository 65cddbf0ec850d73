package org.tomprotocol.transport.quic;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLPeerUnverifiedException;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;

/**
 * The connection registry: authenticates completed handshakes into {@link PeerConnection}s, keeps one
 * {@link PeerLink} per peer, and routes connection and stream events to them. Event-loop confined.
 */
final class PeerTable implements FrameSink, ConnectionEvents.Callbacks, Dialer.Registrar {
    private static final System.Logger LOG = System.getLogger(PeerTable.class.getName());

    private static final long[] MIGRATION_CHECKS_MILLIS = {10, 250};

    private final Map<NodeId, PeerLink> links = new HashMap<>();
    private final int maxFrameBytes;
    private LinkEnvironment env;
    private long nextSequence;
    private long nextConnectionOrder;

    PeerTable(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
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
                stream.pipeline().addLast(new InboundFrameReader(maxFrameBytes, sink));
            }
        };
    }

    PeerLink link(NodeId peer) {
        return links.computeIfAbsent(peer, id -> new PeerLink(id, env));
    }

    PeerLink existingLink(NodeId peer) {
        return links.get(peer);
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
        PeerLink link = link(peer);
        PeerConnection connection = new PeerConnection(channel, peer, PeerIdentity.incarnationOf(certificate),
                dialledByUs, nextConnectionOrder++, link, env.options().ackTimeoutMillis());
        channel.attr(PeerConnection.ATTRIBUTE).set(connection);
        channel.closeFuture().addListener(closed -> link.connectionClosed(connection));
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
            channel.eventLoop().schedule(() -> connection.link().checkRemote(connection), delay,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    void tick(long now) {
        for (PeerLink link : List.copyOf(links.values())) {
            link.tick(now);
        }
    }

    /** Ends every session (the transport is closing). */
    void closeAll(String reason) {
        for (PeerLink link : new ArrayList<>(links.values())) {
            link.disconnect(reason);
        }
    }
}
