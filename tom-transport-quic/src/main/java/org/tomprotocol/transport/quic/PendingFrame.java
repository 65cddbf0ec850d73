package org.tomprotocol.transport.quic;

import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.tomprotocol.spi.transport.FrameChannel;

/**
 * A frame waiting to be sent or in flight. Frames from the engine carry a {@code result} completed when the
 * peer acknowledges them (it shuts its half of the stream down after reading the whole frame); they survive
 * the loss of a connection by going back to the peer's queue. The transport's own control frames have no
 * result and are simply dropped with their connection.
 */
final class PendingFrame {
    final long sequence;
    final FrameChannel channel;
    final byte[] payload;
    final CompletableFuture<Void> result;
    long sentAtNanos;
    /** How often the peer asked to send it again later. */
    int deferrals;

    PendingFrame(long sequence, FrameChannel channel, byte[] payload, CompletableFuture<Void> result) {
        this.sequence = sequence;
        this.channel = channel;
        this.payload = payload;
        this.result = result;
    }

    /** A transport-internal control frame. */
    static PendingFrame control(byte[] payload) {
        return new PendingFrame(-1, FrameChannel.CONTROL, payload, null);
    }

    boolean isFromEngine() {
        return result != null;
    }

    /** Header and payload, ready to write (the payload array is wrapped, not copied). */
    ByteBuf wireBytes() {
        return Unpooled.wrappedBuffer(FrameHeader.encodeBytes(channel, payload.length), payload);
    }
}
