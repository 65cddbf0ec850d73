package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an outbound message's timeline.
 *
 * @param messageId the message
 * @param previous  the status before the step
 * @param current   the status after the step
 * @param at        when the node observed the step
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record StatusChange(MessageId messageId, MessageStatus previous, MessageStatus current, Instant at) {
    public StatusChange {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(at, "at");
    }
}
