package org.tomprotocol.transport.web;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportContext;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * One browser's WebSocket (its event loop only): the challenge when it opens, the proof that authenticates it, then
 * its frames to the node. Anything else — a text message, a frame before the proof, a wrong proof — closes it; what
 * the node's listener throws never reaches Netty.
 */
final class BrowserSession extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(BrowserSession.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebTransport transport;
    private final TransportContext context;
    private final long proofTimeoutMillis;
    private byte[] challenge;
    private NodeId browser;

    BrowserSession(WebTransport transport, TransportContext context, long proofTimeoutMillis) {
        this.transport = transport;
        this.context = context;
        this.proofTimeoutMillis = proofTimeoutMillis;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            challenge = new byte[BrowserHandshake.CHALLENGE_BYTES];
            RANDOM.nextBytes(challenge);
            ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(
                    BrowserHandshake.hello(context.identity().id(), challenge))));
            // a socket that never answers holds a connection for nothing: it gets a bounded time to prove its key
            ctx.executor().schedule(() -> {
                if (browser == null && ctx.channel().isOpen()) {
                    refuse(ctx, "ws-proof-timeout");
                }
            }, proofTimeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(message);
            return;
        }
        try {
            if (!(frame instanceof BinaryWebSocketFrame) || challenge == null) {
                refuse(ctx, "ws-not-binary");
                return;
            }
            byte[] bytes = ByteBufUtil.getBytes(frame.content());
            if (browser == null) {
                authenticate(ctx, bytes);
            } else {
                deliver(ctx, bytes);
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    private void authenticate(ChannelHandlerContext ctx, byte[] proof) {
        NodeId proven = BrowserHandshake.verify(proof, challenge, context.identity().id(), context.crypto());
        if (proven == null) {
            refuse(ctx, "ws-bad-proof");
            return;
        }
        browser = proven;
        try {
            transport.authenticated(browser, ctx.channel());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the node's listener failed on a browser connecting", e);
        }
    }

    private void deliver(ChannelHandlerContext ctx, byte[] message) {
        FrameChannel channel = message.length >= 2 && message[0] == BrowserHandshake.FRAME
                ? FrameChannel.ofCode(message[1] & 0xff) : null;
        if (channel == null) {
            refuse(ctx, "ws-malformed-frame");
            return;
        }
        byte[] frame = java.util.Arrays.copyOfRange(message, 2, message.length);
        try {
            context.listener().onFrame(browser, channel, frame);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the node's listener failed on a browser frame", e);
        }
    }

    private void refuse(ChannelHandlerContext ctx, String reason) {
        LOG.log(Level.DEBUG, "closing a browser socket: {0}", reason);
        if (browser != null) {
            try {
                context.listener().onRejected(browser, reason);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the node's listener failed on a refusal", e);
            }
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (browser != null) {
            try {
                transport.ended(browser, ctx.channel(), "the browser's socket closed");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the node's listener failed on a browser leaving", e);
            }
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, "browser socket failed: {0}", cause.getMessage());
        ctx.close();
    }
}
