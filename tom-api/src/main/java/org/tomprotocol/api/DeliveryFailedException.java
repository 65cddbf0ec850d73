package org.tomprotocol.api;

import java.io.Serial;
import java.util.Objects;

/** A message was not delivered: completes {@link OutboundMessage#delivered()} exceptionally. */
@Api(status = Api.Status.STABLE, since = "0.1")
public class DeliveryFailedException extends TomException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why delivery failed. */
    public enum Reason {
        /** Sent, but no acknowledgement from the recipient within the message's 24 h lifetime. */
        NO_ACKNOWLEDGEMENT,
        /** Never sent: no session to the recipient and no relay that could reach it within its 24 h lifetime. */
        NO_ROUTE,
        /** The node was closed before the message was delivered. */
        NODE_CLOSED
    }

    private final MessageId messageId;
    private final NodeId recipient;
    private final Reason reason;

    public DeliveryFailedException(MessageId messageId, NodeId recipient, Reason reason, String message) {
        super(message);
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public MessageId messageId() {
        return messageId;
    }

    public NodeId recipient() {
        return recipient;
    }

    public Reason reason() {
        return reason;
    }
}
