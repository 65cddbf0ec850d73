package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/**
 * This node, as a backup holder, took or let go of a copy of another node's message for a recipient that was out of
 * reach. The copy is end-to-end encrypted: the holder sees who sends to whom, never the content.
 *
 * @param kind      what happened to the copy
 * @param message   the message
 * @param sender    who sent it
 * @param recipient for whom it is held
 * @param at        when this node did it
 */
@Api(status = Api.Status.INCUBATING, since = "0.2")
public record BackupEvent(Kind kind, MessageId message, NodeId sender, NodeId recipient, Instant at)
        implements NodeEvent {
    /** What happened to a copy held for another node. */
    @Api(status = Api.Status.INCUBATING, since = "0.2")
    public enum Kind {
        /** The copy is kept (on a node with a store, durably), to be delivered when the recipient is back. */
        HELD,
        /** The recipient's signed acknowledgement proved it was delivered: the copy is gone. */
        PURGED_DELIVERED,
        /** The message's 24 h ended before its recipient came back: the copy is gone. */
        EXPIRED
    }

    public BackupEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(at, "at");
    }
}
