package org.tomprotocol.transport.quic;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamResetException;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.util.ReferenceCountUtil;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.transport.quic.TestNodes.Node;

/**
 * A hostile peer's streams: raw bytes on new streams of an authenticated connection, bypassing the transport's
 * framing — a frame header that announces more than follows, a frame that never ends, a forged control frame.
 */
final class RawStreams {
    /** The reset codes the victim sent on these streams. */
    final List<Long> resets = new CopyOnWriteArrayList<>();
    private final QuicChannel connection;

    private RawStreams(QuicChannel connection) {
        this.connection = connection;
    }

    /** The streams of {@code from}'s open connection to {@code to}. */
    static RawStreams of(Node from, NodeId to) {
        QuicChannel connection = from.transport().connectionTo(to);
        if (connection == null) {
            throw new AssertionError(from.id().shortForm() + " has no connection to " + to.shortForm());
        }
        return on(connection);
    }

    /** The streams of {@code connection}, an authenticated connection of a transport. */
    static RawStreams on(QuicChannel connection) {
        return new RawStreams(connection);
    }

    /** A frame header on {@code channel} announcing {@code length} bytes. */
    static byte[] header(FrameChannel channel, int length) {
        return FrameHeader.encodeBytes(channel, length);
    }

    /** Opens a stream and writes {@code bytes} on it, without finishing it. */
    QuicStreamChannel open(byte[] bytes) throws Exception {
        QuicStreamChannel stream = connection.createStream(QuicStreamType.BIDIRECTIONAL, new ResetRecorder())
                .get(10, TimeUnit.SECONDS);
        stream.writeAndFlush(Unpooled.wrappedBuffer(bytes)).get(10, TimeUnit.SECONDS);
        return stream;
    }

    /** Opens a stream, writes {@code bytes} and finishes it (a FIN). */
    void send(byte[] bytes) throws Exception {
        open(bytes).shutdownOutput().get(10, TimeUnit.SECONDS);
    }

    /** Writes more bytes on a stream opened before. */
    static void write(QuicStreamChannel stream, byte[] bytes) throws Exception {
        stream.writeAndFlush(Unpooled.wrappedBuffer(bytes)).get(10, TimeUnit.SECONDS);
    }

    private final class ResetRecorder extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof QuicStreamResetException reset) {
                resets.add(reset.applicationProtocolCode());
            }
        }
    }
}
