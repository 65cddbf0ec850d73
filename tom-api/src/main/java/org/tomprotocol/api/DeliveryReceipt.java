package org.tomprotocol.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Proof, as far as this node can know, that a message reached its final recipient: that node's signed
 * acknowledgement came back.
 *
 * @param messageId   the message
 * @param recipient   the node that acknowledged it
 * @param sentAt      when the message was accepted by {@link TomNode#send}
 * @param deliveredAt when the acknowledgement was processed
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record DeliveryReceipt(MessageId messageId, NodeId recipient, Instant sentAt, Instant deliveredAt) {
    public DeliveryReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
    }

    /** Time from {@code send} to the acknowledgement. */
    public Duration latency() {
        return Duration.between(sentAt, deliveredAt);
    }
}
