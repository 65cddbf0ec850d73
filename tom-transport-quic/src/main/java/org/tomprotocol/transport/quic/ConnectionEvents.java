package org.tomprotocol.transport.quic;

import java.nio.charset.StandardCharsets;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicConnectionCloseEvent;
import io.netty.handler.codec.quic.QuicPathEvent;
import io.netty.handler.codec.quic.QuicStreamLimitChangedEvent;
import io.netty.util.AttributeKey;

/** Passes what happens to a QUIC connection (not its streams) to the transport. Shared by all connections. */
@ChannelHandler.Sharable
final class ConnectionEvents extends ChannelInboundHandlerAdapter {
    /** What the transport does with the events. */
    interface Callbacks {
        /** An accepted connection completed its handshake. */
        void inboundEstablished(QuicChannel channel);

        /** An accepted connection closed before its handshake completed. */
        void inboundHandshakeFailed(QuicChannel channel);

        /** The peer allows more streams. */
        void streamCreditChanged(QuicChannel channel);

        /** The peer closed the connection, saying why. */
        void peerClosed(QuicChannel channel, String reason);

        /** The peer's packets now come from another address (connection migration). */
        void peerMigrated(QuicChannel channel);
    }

    private static final System.Logger LOG = System.getLogger(ConnectionEvents.class.getName());
    private static final AttributeKey<Boolean> ESTABLISHED = AttributeKey.valueOf(ConnectionEvents.class, "established");

    private final Callbacks callbacks;
    private final InboundAdmission admission;
    private final LoopErrors errors;

    /**
     * @param admission the admission control of accepted connections, or {@code null} for the connections this
     *                  node dials
     */
    ConnectionEvents(Callbacks callbacks, InboundAdmission admission, LoopErrors errors) {
        this.callbacks = callbacks;
        this.admission = admission;
        this.errors = errors;
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
        if (admission != null) {
            QuicChannel channel = (QuicChannel) ctx.channel();
            admission.opened(channel);
            channel.closeFuture().addListener(errors.guard("closing a connection", closed -> {
                boolean established = Boolean.TRUE.equals(channel.attr(ESTABLISHED).get());
                boolean counted = admission.closed(channel, established);
                if (!established && !counted) {
                    callbacks.inboundHandshakeFailed(channel);
                }
            }));
        }
        ctx.fireChannelRegistered();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.channel().attr(ESTABLISHED).set(Boolean.TRUE);
        if (admission != null) {
            admission.established((QuicChannel) ctx.channel());
            callbacks.inboundEstablished((QuicChannel) ctx.channel());
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof QuicStreamLimitChangedEvent) {
            callbacks.streamCreditChanged((QuicChannel) ctx.channel());
        } else if (event instanceof QuicPathEvent.PeerMigrated) {
            // Not migrated.remote(): Netty 4.2.18 hands it over with the port's bytes swapped (7401 arrives as
            // 59676). The channel's remote address, which the codec updates as it sends, is right.
            callbacks.peerMigrated((QuicChannel) ctx.channel());
        } else if (event instanceof QuicConnectionCloseEvent close) {
            String text = reasonOf(close);
            callbacks.peerClosed((QuicChannel) ctx.channel(), text.isEmpty()
                    ? (close.isTlsError() ? "TLS error " + close.error() : "error " + close.error()) : text);
        }
        ctx.fireUserEventTriggered(event);
    }

    private static String reasonOf(QuicConnectionCloseEvent close) {
        try {
            return new String(close.reason(), StandardCharsets.UTF_8);
        } catch (NullPointerException e) {
            return ""; // Netty 4.2.18 leaves the reason null for some closes, and reason() then throws
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!errors.caught("a connection's pipeline", cause)) {
            LOG.log(System.Logger.Level.DEBUG, "QUIC connection error on {0}: {1}", ctx.channel(), cause.toString());
        }
    }
}
