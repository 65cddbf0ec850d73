package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/** A message posted to a group, as delivered to this member's application. */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public final class GroupMessage {
    private final GroupId group;
    private final MessageId id;
    private final NodeId sender;
    private final Instant sentAt;
    private final byte[] payload;

    /**
     * @param group   the group
     * @param id      the message id
     * @param sender  the member that signed it
     * @param sentAt  the sender's timestamp
     * @param payload the application bytes (copied)
     */
    public GroupMessage(GroupId group, MessageId id, NodeId sender, Instant sentAt, byte[] payload) {
        this.group = Objects.requireNonNull(group, "group");
        this.id = Objects.requireNonNull(id, "id");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
        this.payload = Objects.requireNonNull(payload, "payload").clone();
    }

    public GroupId group() {
        return group;
    }

    public MessageId id() {
        return id;
    }

    public NodeId sender() {
        return sender;
    }

    public Instant sentAt() {
        return sentAt;
    }

    /** A copy of the application bytes. */
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "GroupMessage[group=" + group + ", id=" + id + ", sender=" + sender.shortForm() + ", bytes="
                + payload.length + "]";
    }
}
