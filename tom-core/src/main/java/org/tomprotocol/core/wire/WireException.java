package org.tomprotocol.core.wire;

import java.io.Serial;

/**
 * Bytes from the network are not a valid ToM structure. {@link #reason()} is a short stable code counted by
 * the node ({@code rejected.<reason>}); the message adds detail for debug logs and never contains payload.
 */
public final class WireException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String reason;

    public WireException(String reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    /** A short code such as {@code too-large}, {@code malformed} or {@code unknown-message-type}. */
    public String reason() {
        return reason;
    }
}
