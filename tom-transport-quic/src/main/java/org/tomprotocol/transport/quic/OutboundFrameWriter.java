package org.tomprotocol.transport.quic;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamResetException;
import io.netty.util.ReferenceCountUtil;

/**
 * Writes one frame on a stream this node opened, then a FIN, and waits for the peer's FIN, which acknowledges
 * that the peer read the whole frame. A reset from the peer either refuses the frame (too large, malformed)
 * or asks to resend it elsewhere. Reports exactly one outcome per frame; event-loop confined.
 */
final class OutboundFrameWriter extends ChannelInboundHandlerAdapter {
    /** What became of a frame. */
    interface Outcome {
        void acknowledged(PendingFrame frame);

        void refused(PendingFrame frame, String reason);

        void failed(PendingFrame frame, String reason);
    }

    private final PendingFrame frame;
    private final Outcome outcome;
    private boolean written;
    private boolean reported;

    OutboundFrameWriter(PendingFrame frame, Outcome outcome) {
        this.frame = frame;
        this.outcome = outcome;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            write(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        write(ctx);
        ctx.fireChannelActive();
    }

    private void write(ChannelHandlerContext ctx) {
        if (written) {
            return;
        }
        written = true;
        ctx.writeAndFlush(frame.wireBytes()).addListener(done -> {
            if (done.isSuccess()) {
                ((QuicStreamChannel) ctx.channel()).shutdownOutput();
            }
            // A failed write is followed by the peer's reset or the stream's close, which say more.
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg); // the peer sends nothing on our streams
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownReadComplete && !reported) {
            reported = true;
            outcome.acknowledged(frame);
            ctx.close();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof QuicStreamResetException reset && !reported) {
            reported = true;
            long code = reset.applicationProtocolCode();
            if (StreamErrors.isFrameRefused(code)) {
                outcome.refused(frame, StreamErrors.reasonOf(code));
            } else {
                outcome.failed(frame, "peer reset the stream: " + StreamErrors.reasonOf(code));
            }
            ctx.close();
        }
        // Other errors (a write refused after STOP_SENDING) precede the reset or the close that reports them.
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!reported) {
            reported = true;
            outcome.failed(frame, "stream closed before the peer acknowledged the frame");
        }
        ctx.fireChannelInactive();
    }
}
