package org.tomprotocol.discovery.gossip.wire;

import java.io.Serial;

/**
 * A discovery frame that cannot be decoded. The {@link #reason()} is a short metric-friendly word such as
 * {@code truncated} or {@code bad-ttl}, counted by the engine under {@code rejected.discovery-<reason>}.
 */
public final class MalformedFrameException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String reason;

    public MalformedFrameException(String reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    /** The short reason, e.g. {@code truncated}. */
    public String reason() {
        return reason;
    }
}
