package org.tomprotocol.transport.quic;

import io.netty.handler.codec.quic.QuicChannel;
import org.tomprotocol.spi.transport.FrameChannel;

/** Where {@link InboundFrameReader} hands what it read. Called on the event loop. */
interface FrameSink {
    /**
     * A whole frame arrived on a stream of {@code connection}.
     *
     * @return whether it was accepted; the reader then acknowledges it, otherwise it resets the stream so the
     *         sender tries again on another connection
     */
    boolean frameReceived(QuicChannel connection, FrameChannel channel, byte[] payload);

    /** A stream of {@code connection} carried bad input, rejected for {@code reason}: the peer is to blame. */
    void frameRejected(QuicChannel connection, String reason);

    /**
     * A frame of {@code connection} was reset for this node's own limits ({@code reason}: its memory budget, a
     * deadline): the sender resends it, and is not to blame.
     */
    void frameShed(QuicChannel connection, String reason);
}
