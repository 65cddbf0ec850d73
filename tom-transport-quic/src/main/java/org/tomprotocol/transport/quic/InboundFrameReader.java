package org.tomprotocol.transport.quic;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import org.tomprotocol.spi.transport.FrameChannel;

/**
 * Reads the one frame of a stream the peer opened: the 4-byte {@link FrameHeader}, then exactly that many
 * bytes. A length above the maximum is refused from the header alone: the stream is reset (STOP_SENDING and
 * RESET_STREAM with {@link StreamErrors#FRAME_TOO_LARGE}) without buffering the body, and the connection is
 * untouched. The body is kept as the pieces that arrived, never more, each charged to the {@link FrameBudget},
 * which may reset the stream when the connection or the node holds too much, or when the frame is late. After
 * handing the frame over, the reader shuts its half of the stream down (a FIN): that is the sender's
 * acknowledgement. One instance per stream; event-loop confined.
 */
final class InboundFrameReader extends ChannelInboundHandlerAdapter implements FrameBudget.Partial {
    private static final System.Logger LOG = System.getLogger(InboundFrameReader.class.getName());

    private final int maxFrameBytes;
    private final FrameSink sink;
    private final FrameBudget budget;
    private final LoopErrors errors;
    private final long startedNanos = System.nanoTime();

    private final List<byte[]> pieces = new ArrayList<>();
    private ChannelHandlerContext ctx;
    private FrameBudget.Share share;
    private int header;
    private int headerBytes;
    private FrameChannel channel;
    private int bodyLength;
    private int bodyRead;
    private long heldBytes;
    private boolean finished;

    InboundFrameReader(int maxFrameBytes, FrameSink sink, FrameBudget budget, LoopErrors errors) {
        this.maxFrameBytes = maxFrameBytes;
        this.sink = sink;
        this.budget = budget;
        this.errors = errors;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.share = budget.shareOf(parentOf(context));
        budget.started(share, this);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof ByteBuf buffer)) {
            context.fireChannelRead(msg);
            return;
        }
        try {
            while (!finished && buffer.isReadable()) {
                if (headerBytes < FrameHeader.LENGTH) {
                    header = (header << 8) | buffer.readUnsignedByte();
                    if (++headerBytes == FrameHeader.LENGTH) {
                        onHeader();
                    }
                } else {
                    readBody(buffer);
                }
            }
        } finally {
            // Bytes after the frame are ignored, as Gen-2 receivers do.
            buffer.release();
        }
    }

    private void onHeader() {
        int length = FrameHeader.payloadLength(header);
        channel = FrameChannel.ofCode(FrameHeader.channelCode(header));
        if (channel == null) {
            reject("frame-unknown-channel", StreamErrors.MALFORMED_FRAME);
        } else if (length > maxFrameBytes) {
            reject("frame-too-large", StreamErrors.FRAME_TOO_LARGE);
        } else {
            bodyLength = length;
            if (length == 0) {
                deliver();
            }
        }
    }

    private void readBody(ByteBuf buffer) {
        int n = Math.min(buffer.readableBytes(), bodyLength - bodyRead);
        long cost = n + (long) FrameBudget.CHUNK_OVERHEAD_BYTES;
        heldBytes += cost;
        if (!budget.charge(share, this, cost)) {
            finish(); // reset for the budget (already finished then)
            return;
        }
        byte[] piece = new byte[n];
        buffer.readBytes(piece);
        pieces.add(piece);
        bodyRead += n;
        if (bodyRead == bodyLength) {
            deliver();
        }
    }

    private void deliver() {
        finished = true;
        byte[] frame = assemble();
        budget.release(share, this);
        QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
        if (sink.frameReceived(parentOf(ctx), channel, frame)) {
            stream.shutdownOutput();
        } else {
            stream.shutdown(StreamErrors.GOING_AWAY).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private byte[] assemble() {
        if (pieces.size() == 1 && pieces.get(0).length == bodyLength) {
            return pieces.get(0);
        }
        byte[] frame = new byte[bodyLength];
        int offset = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, frame, offset, piece.length);
            offset += piece.length;
        }
        pieces.clear();
        return frame;
    }

    private void reject(String reason, int code) {
        end(code, () -> sink.frameRejected(parentOf(ctx), reason));
    }

    /** The budget or the deadline ended the frame: this node's limit, not the peer's fault. */
    @Override
    public void abort(String reason, int streamErrorCode) {
        end(streamErrorCode, () -> sink.frameShed(parentOf(ctx), reason));
    }

    private void end(int code, Runnable report) {
        if (finished) {
            return;
        }
        finish();
        report.run();
        ((QuicStreamChannel) ctx.channel()).shutdown(code).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public long heldBytes() {
        return heldBytes;
    }

    @Override
    public long startedNanos() {
        return startedNanos;
    }

    /** Nothing more is read or kept. */
    private void finish() {
        finished = true;
        pieces.clear();
        if (share != null) {
            budget.release(share, this);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof ChannelInputShutdownReadComplete && !finished) {
            reject(headerBytes == 0 ? "frame-empty-stream" : "frame-truncated", StreamErrors.MALFORMED_FRAME);
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        finish();
        context.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        finish();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (!errors.caught("reading a frame", cause)) {
            // Typically the sender reset the stream (it gave up on this connection); it resends elsewhere.
            LOG.log(System.Logger.Level.DEBUG, "inbound stream failed: {0}", cause.toString());
        }
        finish();
        context.close();
    }

    private static QuicChannel parentOf(ChannelHandlerContext context) {
        return ((QuicStreamChannel) context.channel()).parent();
    }
}
