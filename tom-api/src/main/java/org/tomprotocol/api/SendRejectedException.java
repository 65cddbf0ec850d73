package org.tomprotocol.api;

import java.io.Serial;
import java.util.Objects;

/** {@link TomNode#send} refused a message at once; nothing was sent. */
@Api(status = Api.Status.STABLE, since = "0.1")
public class SendRejectedException extends TomException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why a send was refused. */
    public enum Reason {
        /** The node's send queue is full: slow down, or wait for earlier messages to complete. */
        QUEUE_FULL,
        /** The payload exceeds the node's maximum payload size. */
        TOO_LARGE,
        /** The recipient id is not a usable public key. */
        INVALID_RECIPIENT,
        /** The node is closed. */
        NODE_CLOSED,
        /** The node keeps its state in a store, and the store could not keep the message: it was not accepted. */
        NOT_DURABLE
    }

    private final Reason reason;

    public SendRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
