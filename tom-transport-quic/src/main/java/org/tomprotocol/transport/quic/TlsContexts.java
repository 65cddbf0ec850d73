package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.handler.codec.quic.BoringSSLContextOption;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicSslEngine;
import io.netty.handler.ssl.ClientAuth;
import io.netty.util.AttributeKey;
import org.tomprotocol.api.NodeId;

/**
 * The TLS 1.3 contexts of one transport: mutual authentication with the identity certificate, Ed25519
 * signatures only (BoringSSL leaves Ed25519 out of its defaults), ALPN {@value #ALPN}, and no hostname check:
 * {@link PinnedPeerTrustManager} pins the key instead.
 */
final class TlsContexts {
    /** The application protocol, as in ToM Gen-2. */
    static final String ALPN = "tom-protocol/transport/0";
    /** On an outgoing {@link QuicChannel}: the node the dial expects; it becomes the SNI. */
    static final AttributeKey<NodeId> EXPECTED_PEER = AttributeKey.valueOf(TlsContexts.class, "expectedPeer");

    private static final String[] SIGNATURE_ALGORITHMS = {"ed25519"};

    private final QuicSslContext server;
    private final QuicSslContext client;

    TlsContexts(IdentityCertificate identity, PinnedPeerTrustManager trust) {
        IdentityKeyManager keys = new IdentityKeyManager(identity);
        this.server = QuicSslContextBuilder.forServer(keys, null)
                .trustManager(trust)
                .clientAuth(ClientAuth.REQUIRE)
                .applicationProtocols(ALPN)
                .option(BoringSSLContextOption.SIGNATURE_ALGORITHMS, SIGNATURE_ALGORITHMS)
                .earlyData(false)
                .build();
        this.client = QuicSslContextBuilder.forClient()
                .keyManager(keys, null)
                .trustManager(trust)
                .applicationProtocols(ALPN)
                .option(BoringSSLContextOption.SIGNATURE_ALGORITHMS, SIGNATURE_ALGORITHMS)
                .endpointIdentificationAlgorithm(null)
                .earlyData(false)
                .build();
    }

    QuicSslContext server() {
        return server;
    }

    /** A client engine whose SNI names the node {@code channel} was dialled for. */
    QuicSslEngine newClientEngine(QuicChannel channel) {
        NodeId expected = channel.attr(EXPECTED_PEER).get();
        SocketAddress remote = channel.remoteSocketAddress();
        int port = remote instanceof InetSocketAddress inet ? inet.getPort() : -1;
        // Without an expected peer the SNI is absent and the trust manager refuses the server.
        String serverName = expected == null ? null : PeerIdentity.serverNameFor(expected);
        return client.newEngine(channel.alloc(), serverName, port);
    }
}
