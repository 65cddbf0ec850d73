package org.tomprotocol.transport.quic;

/** Application error codes this transport puts in QUIC RESET_STREAM / STOP_SENDING / CONNECTION_CLOSE. */
final class StreamErrors {
    /** The announced frame length exceeds the receiver's maximum. */
    static final int FRAME_TOO_LARGE = 0x100;
    /** The stream did not carry one well-formed frame (unknown channel, truncated). */
    static final int MALFORMED_FRAME = 0x101;
    /** The receiver is closing this connection; send the frame again on another. */
    static final int GOING_AWAY = 0x102;
    /** The receiver holds too much of partly received frames; send the frame again once earlier ones are done. */
    static final int FRAME_BUDGET = 0x103;
    /** The frame did not complete in the receiver's deadline; send it again. */
    static final int FRAME_DEADLINE = 0x104;

    /** Connection close code for every deliberate close; the reason text says why. */
    static final int CONNECTION_CLOSED = 0;

    private StreamErrors() {
    }

    /** Whether a reset with {@code code} means the peer refuses the frame itself, so resending is useless. */
    static boolean isFrameRefused(long code) {
        return code == FRAME_TOO_LARGE || code == MALFORMED_FRAME;
    }

    /** Whether a reset with {@code code} asks to send the frame again later on the same connection. */
    static boolean isSendLater(long code) {
        return code == FRAME_BUDGET || code == FRAME_DEADLINE;
    }

    static String reasonOf(long code) {
        if (code == FRAME_TOO_LARGE) {
            return "frame-too-large";
        }
        if (code == MALFORMED_FRAME) {
            return "malformed-frame";
        }
        if (code == FRAME_BUDGET) {
            return "frame-budget";
        }
        if (code == FRAME_DEADLINE) {
            return "frame-deadline";
        }
        return code == GOING_AWAY ? "going-away" : "stream-reset-" + code;
    }
}
