package org.tomprotocol.transport.quic;

import java.util.ArrayList;
import java.util.List;

import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;

/**
 * The hostile QUIC clients of this module's tests (raw streams, genuine client Initials), opened to the hostile
 * peer report of tom-bench. It lives in the transport's package, on the class path only, because those clients
 * reach below the transport's API; nothing in the product uses it.
 */
public final class HostileQuic {
    private HostileQuic() {
    }

    /** Streams that each announce a frame and never finish it. */
    public static final class SlowFrames {
        private final List<QuicStreamChannel> streams;
        private final RawStreams raw;

        private SlowFrames(List<QuicStreamChannel> streams, RawStreams raw) {
            this.streams = streams;
            this.raw = raw;
        }

        /** Writes {@code bytes} more on every stream still open; returns how many are. */
        public int trickle(int bytes) {
            int open = 0;
            for (QuicStreamChannel stream : streams) {
                if (stream.isActive()) {
                    stream.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(new byte[bytes]));
                    open++;
                }
            }
            return open;
        }

        /** How many of the streams the victim reset. */
        public int resets() {
            return raw.resets.size();
        }
    }

    /**
     * Opens {@code streams} streams from {@code attacker} (a QUIC transport with a session to {@code victim}),
     * each announcing an envelope frame of {@code announced} bytes and sending {@code sent} of them.
     */
    public static SlowFrames slowFrames(Transport attacker, NodeId victim, int streams, int announced, int sent)
            throws Exception {
        QuicChannel connection = ((QuicTransport) attacker).connectionTo(victim);
        if (connection == null) {
            throw new IllegalStateException("no connection to the victim");
        }
        RawStreams raw = RawStreams.on(connection);
        byte[] start = new byte[FrameHeader.LENGTH + sent];
        System.arraycopy(RawStreams.header(FrameChannel.ENVELOPE, announced), 0, start, 0, FrameHeader.LENGTH);
        List<QuicStreamChannel> opened = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            opened.add(raw.open(start));
        }
        return new SlowFrames(opened, raw);
    }

    /** First Initials of real QUIC clients, each with its own connection id, to replay from sockets that never answer. */
    public static List<byte[]> genuineInitials(int count) throws Exception {
        return GenuineInitials.make(count);
    }
}
