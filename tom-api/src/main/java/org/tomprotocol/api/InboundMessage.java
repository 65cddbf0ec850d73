package org.tomprotocol.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A message delivered to this node's application. Its sender's signature was verified and its payload
 * decrypted before the application sees it; each message id from a sender is delivered once.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class InboundMessage {
    private final MessageId id;
    private final NodeId sender;
    private final Instant sentAt;
    private final Instant receivedAt;
    private final byte[] payload;
    private final boolean encrypted;
    private final int relayHops;

    /**
     * @param id         the message id chosen by the sender
     * @param sender     the signing sender
     * @param sentAt     the sender's timestamp
     * @param receivedAt when this node accepted it
     * @param payload    the application bytes (copied)
     * @param encrypted  whether it travelled end-to-end encrypted
     * @param relayHops  how many relays carried it
     */
    public InboundMessage(MessageId id, NodeId sender, Instant sentAt, Instant receivedAt, byte[] payload,
                          boolean encrypted, int relayHops) {
        this.id = Objects.requireNonNull(id, "id");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.payload = Objects.requireNonNull(payload, "payload").clone();
        this.encrypted = encrypted;
        this.relayHops = relayHops;
    }

    public MessageId id() {
        return id;
    }

    public NodeId sender() {
        return sender;
    }

    /** The sender's clock when it created the message. */
    public Instant sentAt() {
        return sentAt;
    }

    /** This node's clock when it accepted the message. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** A copy of the application bytes. */
    public byte[] payload() {
        return payload.clone();
    }

    /** Size of the application payload in bytes. */
    public int payloadLength() {
        return payload.length;
    }

    /** Whether the payload travelled end-to-end encrypted. */
    public boolean encrypted() {
        return encrypted;
    }

    /** How many relays carried the message (0 for a direct path). */
    public int relayHops() {
        return relayHops;
    }

    /** Describes the message without its payload, which may be private. */
    @Override
    public String toString() {
        return "InboundMessage[id=" + id + ", sender=" + sender.shortForm() + ", bytes=" + payload.length
                + ", relayHops=" + relayHops + "]";
    }
}
