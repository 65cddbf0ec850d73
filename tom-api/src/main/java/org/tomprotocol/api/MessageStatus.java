package org.tomprotocol.api;

/**
 * Where an outbound message stands. Statuses only move forward along
 * {@code PENDING → SENT → RELAYED → BACKED_UP → DELIVERED → READ} (a step may be skipped);
 * {@code FAILED} ends a message that was never delivered. A message is {@link #DELIVERED} only when its final recipient's signed acknowledgement came
 * back (lock 1): a relay's acknowledgement gives {@link #RELAYED}, never more.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum MessageStatus {
    /** Accepted by the node, not yet handed to a transport. */
    PENDING,
    /** Handed to a transport towards its first hop. */
    SENT,
    /** A relay on the path confirmed it forwarded the message. */
    RELAYED,
    /**
     * Its recipient was out of reach, and copies of it (end-to-end encrypted, signed) are held by other nodes, which
     * deliver it when the recipient comes back, within the message's 24 h, even if this node is gone by then.
     */
    BACKED_UP,
    /** The final recipient acknowledged it. */
    DELIVERED,
    /** The recipient's application marked it read. */
    READ,
    /** Not delivered within the message's lifetime (24 h from its timestamp), or the node closed first. */
    FAILED;

    /** Whether no later status can follow. */
    public boolean isTerminal() {
        return this == READ || this == FAILED;
    }

    /** Whether the message reached its recipient (delivered or read). */
    public boolean isDelivered() {
        return this == DELIVERED || this == READ;
    }

    /**
     * Whether moving from this status to {@code next} is a forward step. Nothing follows
     * {@code FAILED}; {@code FAILED} may follow any status before {@code DELIVERED}.
     */
    public boolean canAdvanceTo(MessageStatus next) {
        if (this == FAILED) {
            return false;
        }
        if (next == FAILED) {
            return !isDelivered();
        }
        return next.ordinal() > ordinal();
    }
}
