package org.tomprotocol.transport.quic;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamPriority;
import io.netty.handler.codec.quic.QuicStreamResetException;
import io.netty.util.ReferenceCountUtil;

/**
 * Writes one frame on a stream this node opened, then a FIN, and waits for the peer's FIN, which acknowledges
 * that the peer read the whole frame. A reset from the peer either refuses the frame (too large, malformed),
 * asks to send it again later (the peer's buffers were full, or the frame too slow) or to resend it elsewhere. Reports exactly one outcome per frame; event-loop confined.
 */
final class OutboundFrameWriter extends ChannelInboundHandlerAdapter {
    /** What became of a frame. */
    interface Outcome {
        void acknowledged(PendingFrame frame);

        void refused(PendingFrame frame, String reason);

        void failed(PendingFrame frame, String reason);

        /** The peer could not take the frame now (its buffers are full, or the frame was too slow): resend it. */
        void deferred(PendingFrame frame, String reason);
    }

    /** quiche's default urgency, not incremental: streams are sent whole, in the order they were opened. */
    private static final QuicStreamPriority SEQUENTIAL = new QuicStreamPriority(3, false);

    private final PendingFrame frame;
    private final Outcome outcome;
    private final LoopErrors errors;
    private boolean written;
    private boolean reported;

    OutboundFrameWriter(PendingFrame frame, Outcome outcome, LoopErrors errors) {
        this.frame = frame;
        this.outcome = outcome;
        this.errors = errors;
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
        // One frame after the other, not interleaved: the peer then holds at most one partly received frame of
        // this connection at a time, far within its budget, however many are in flight.
        ((QuicStreamChannel) ctx.channel()).updatePriority(SEQUENTIAL);
        ctx.writeAndFlush(frame.wireBytes()).addListener(errors.guard("writing a frame", done -> {
            if (done.isSuccess()) {
                ((QuicStreamChannel) ctx.channel()).shutdownOutput();
            }
            // A failed write is followed by the peer's reset or the stream's close, which say more.
        }));
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
        if (errors.caught("sending a frame", cause)) {
            ctx.close();
            return;
        }
        if (cause instanceof QuicStreamResetException reset && !reported) {
            reported = true;
            long code = reset.applicationProtocolCode();
            if (StreamErrors.isFrameRefused(code)) {
                outcome.refused(frame, StreamErrors.reasonOf(code));
            } else if (StreamErrors.isSendLater(code)) {
                outcome.deferred(frame, StreamErrors.reasonOf(code));
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
