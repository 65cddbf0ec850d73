package org.tomprotocol.transport.quic;

import java.util.Arrays;

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
 * untouched. The body buffer grows with the bytes that actually arrive, so a peer announcing large frames on
 * many streams costs no more memory than QUIC flow control lets it send. After handing the frame over, the reader shuts its half of the stream down (a FIN): that is the
 * sender's acknowledgement. One instance per stream; event-loop confined.
 */
final class InboundFrameReader extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(InboundFrameReader.class.getName());
    private static final int INITIAL_BODY_BYTES = 16 * 1024;

    private final int maxFrameBytes;
    private final FrameSink sink;
    private int header;
    private int headerBytes;
    private FrameChannel channel;
    private byte[] body;
    private int bodyLength;
    private int bodyRead;
    private boolean finished;

    InboundFrameReader(int maxFrameBytes, FrameSink sink) {
        this.maxFrameBytes = maxFrameBytes;
        this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buffer)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            while (!finished && buffer.isReadable()) {
                if (headerBytes < FrameHeader.LENGTH) {
                    header = (header << 8) | buffer.readUnsignedByte();
                    if (++headerBytes == FrameHeader.LENGTH) {
                        onHeader(ctx);
                    }
                } else {
                    int n = Math.min(buffer.readableBytes(), bodyLength - bodyRead);
                    if (bodyRead + n > body.length) {
                        long grown = Math.max(2L * body.length, bodyRead + n);
                        body = Arrays.copyOf(body, (int) Math.min(bodyLength, grown));
                    }
                    buffer.readBytes(body, bodyRead, n);
                    bodyRead += n;
                    if (bodyRead == bodyLength) {
                        deliver(ctx);
                    }
                }
            }
        } finally {
            // Bytes after the frame are ignored, as Gen-2 receivers do.
            buffer.release();
        }
    }

    private void onHeader(ChannelHandlerContext ctx) {
        int length = FrameHeader.payloadLength(header);
        channel = FrameChannel.ofCode(FrameHeader.channelCode(header));
        if (channel == null) {
            reject(ctx, "frame-unknown-channel", StreamErrors.MALFORMED_FRAME);
        } else if (length > maxFrameBytes) {
            reject(ctx, "frame-too-large", StreamErrors.FRAME_TOO_LARGE);
        } else {
            bodyLength = length;
            body = new byte[Math.min(length, INITIAL_BODY_BYTES)];
            if (length == 0) {
                deliver(ctx);
            }
        }
    }

    private void deliver(ChannelHandlerContext ctx) {
        finished = true;
        byte[] frame = body;
        body = null;
        QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
        if (sink.frameReceived(parentOf(ctx), channel, frame)) {
            stream.shutdownOutput();
        } else {
            stream.shutdown(StreamErrors.GOING_AWAY).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void reject(ChannelHandlerContext ctx, String reason, int code) {
        finished = true;
        body = null;
        sink.frameRejected(parentOf(ctx), reason);
        ((QuicStreamChannel) ctx.channel()).shutdown(code).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownReadComplete && !finished) {
            reject(ctx, headerBytes == 0 ? "frame-empty-stream" : "frame-truncated", StreamErrors.MALFORMED_FRAME);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Typically the sender reset the stream (it gave up on this connection); it resends elsewhere.
        LOG.log(System.Logger.Level.DEBUG, "inbound stream failed: {0}", cause.toString());
        finished = true;
        body = null;
        ctx.close();
    }

    private static QuicChannel parentOf(ChannelHandlerContext ctx) {
        return ((QuicStreamChannel) ctx.channel()).parent();
    }
}
