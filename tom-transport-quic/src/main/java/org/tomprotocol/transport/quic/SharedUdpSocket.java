package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicCodecBuilder;
import io.netty.handler.codec.quic.QuicConnectionAddress;
import io.netty.handler.codec.quic.QuicServerCodecBuilder;
import io.netty.util.concurrent.Future;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.TransportException;

/**
 * The node's one UDP socket. It accepts QUIC connections (server codec), dials them (client codec) and sends
 * raw datagrams, all from the same local port — what NAT hole punching needs: a peer that saw our dial or probe
 * come from port P can reach us on P. See {@link PacketRouter} for how the two codecs share the socket.
 */
final class SharedUdpSocket {
    /** Connection ids this node issues: QUIC's maximum, and what the router parses short headers with. */
    static final int CONNECTION_ID_LENGTH = 20;
    /** Streams a peer may have open towards this node at once (twice what a sender here keeps in flight). */
    static final int MAX_PEER_STREAMS = 256;
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final Channel channel;
    private final PacketRouter router;
    private final SecureRandom random;
    private final InetSocketAddress localAddress;

    private SharedUdpSocket(Channel channel, PacketRouter router, SecureRandom random) {
        this.channel = channel;
        this.router = router;
        this.random = random;
        this.localAddress = (InetSocketAddress) channel.localAddress();
    }

    /**
     * Binds the socket.
     *
     * @param connectionHandler added to every accepted connection
     * @param streamHandler     added to every stream a peer opens, on accepted and dialled connections alike
     */
    static SharedUdpSocket bind(EventLoopGroup group, InetSocketAddress bindAddress, TlsContexts tls,
                                QuicOptions options, QuicLimits limits, int maxFrameBytes,
                                InboundAdmission admission, ChannelHandler connectionHandler,
                                ChannelHandler streamHandler, LoopErrors errors, SecureRandom random)
            throws TransportException {
        ChannelHandler serverCodec = configure(new QuicServerCodecBuilder(), options, limits, maxFrameBytes)
                .sslContext(tls.server())
                // Decides per Initial: accept, stateless Retry (address validation), or drop.
                .tokenHandler(admission)
                .handler(connectionHandler)
                .streamHandler(streamHandler)
                .streamOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .build();
        ChannelHandler clientCodec = configure(new QuicClientCodecBuilder(), options, limits, maxFrameBytes)
                .sslEngineProvider(tls::newClientEngine)
                .build();
        PacketRouter router = new PacketRouter(CONNECTION_ID_LENGTH);
        ChannelFuture bound = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(router, serverCodec, clientCodec, errors.lastHandler());
                        router.serverCodecContext(ch.pipeline().context(serverCodec));
                    }
                })
                .bind(bindAddress)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new TransportException("cannot bind the quic socket to " + bindAddress + ": "
                    + bound.cause(), bound.cause());
        }
        return new SharedUdpSocket(bound.channel(), router, random);
    }

    /**
     * The QUIC limits: a stream may carry one whole frame, a connection starts with the window of what this node
     * holds for it in partial frames ({@link FrameBudget}); quiche widens windows for peers whose data is read
     * promptly, which the reader always does, so the budget is what bounds the memory, and the window what paces
     * an honest sender from the first round trip.
     */
    private static <B extends QuicCodecBuilder<B>> B configure(B builder, QuicOptions options, QuicLimits limits,
                                                               int maxFrameBytes) {
        long streamWindow = maxFrameBytes + FrameHeader.LENGTH;
        return builder
                .maxIdleTimeout(options.idleTimeoutMillis(), TimeUnit.MILLISECONDS)
                .initialMaxData(Math.max(streamWindow, limits.inboundBufferPerConnectionBytes()))
                .initialMaxStreamDataBidirectionalLocal(streamWindow)
                .initialMaxStreamDataBidirectionalRemote(streamWindow)
                .initialMaxStreamsBidirectional(MAX_PEER_STREAMS)
                .initialMaxStreamsUnidirectional(0)
                .localConnectionIdLength(CONNECTION_ID_LENGTH);
    }

    /** The bound address (a wildcard address when bound to one), with the real port. */
    InetSocketAddress localAddress() {
        return localAddress;
    }

    EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /**
     * Dials {@code remote} from this socket, expecting node {@code expected}; the TLS handshake fails unless the
     * peer proves that identity. Call on the event loop.
     *
     * @param connectionHandler added to the connection's pipeline
     * @param streamHandler     added to every stream the peer opens on it
     * @return completes with the connection once the handshake is done
     */
    Future<QuicChannel> dial(InetSocketAddress remote, NodeId expected, ChannelHandler connectionHandler,
                             ChannelHandler streamHandler, long handshakeTimeoutMillis) {
        byte[] id = new byte[CONNECTION_ID_LENGTH];
        random.nextBytes(id);
        ByteBuffer connectionId = ByteBuffer.wrap(id);
        router.addDialledConnectionId(connectionId);
        Future<QuicChannel> connecting = QuicChannel.newBootstrap(channel)
                .attr(TlsContexts.EXPECTED_PEER, expected)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, handshakeTimeoutMillis))
                .localConnectionAddress(new QuicConnectionAddress(id))
                .remoteAddress(remote)
                .handler(connectionHandler)
                .streamHandler(streamHandler)
                .streamOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .connect();
        connecting.addListener(done -> {
            if (done.isSuccess()) {
                connecting.getNow().closeFuture().addListener(closed -> router.removeDialledConnectionId(connectionId));
            } else {
                router.removeDialledConnectionId(connectionId);
            }
        });
        return connecting;
    }

    /**
     * Sends one raw UDP datagram from the listening port (e.g. a NAT probe). Its first byte must have bit 0x40
     * clear, or the receiving node would take it for QUIC. Takes ownership of {@code payload}.
     */
    ChannelFuture sendDatagram(InetSocketAddress to, ByteBuf payload) {
        if (payload.isReadable() && (payload.getUnsignedByte(payload.readerIndex()) & 0x40) != 0) {
            payload.release();
            throw new IllegalArgumentException("a raw datagram's first byte must have bit 0x40 clear");
        }
        return channel.writeAndFlush(new DatagramPacket(payload, to));
    }

    /** Who receives datagrams that are not QUIC (buffer released after the call); set on the event loop. */
    void rawDatagramHandler(BiConsumer<InetSocketAddress, ByteBuf> handler) {
        router.rawDatagramHandler(handler);
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    ChannelFuture close() {
        return channel.close();
    }
}
