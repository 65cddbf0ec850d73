package org.tomprotocol.spi.transport;

import org.tomprotocol.api.Api;

/**
 * Which protocol a frame belongs to; transports carry it beside the frame (the QUIC transport puts it in
 * the top byte of the frame's length prefix, so envelope frames are byte-identical to ToM Gen-2).
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum FrameChannel {
    /** A ToM envelope (messages, acknowledgements, receipts). */
    ENVELOPE(0),
    /** A discovery protocol frame (membership, broadcast). */
    DISCOVERY(1),
    /** A transport's own control frame, e.g. observed-address reports; never given to the engine. */
    CONTROL(2),
    /**
     * A ToM envelope with a proof-of-work stamp before it (8 bytes, then the envelope; wire spec §15): sent only to
     * nodes that announce they read it. Transports carry it like any other channel.
     */
    STAMPED_ENVELOPE(3);

    private final int code;

    FrameChannel(int code) {
        this.code = code;
    }

    /** The one-byte code carried on the wire. */
    public int code() {
        return code;
    }

    /** The channel with {@code code}, or {@code null} if unknown. */
    public static FrameChannel ofCode(int code) {
        for (FrameChannel channel : values()) {
            if (channel.code == code) {
                return channel;
            }
        }
        return null;
    }
}
