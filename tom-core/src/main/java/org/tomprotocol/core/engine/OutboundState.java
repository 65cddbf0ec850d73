package org.tomprotocol.core.engine;

import java.util.LinkedHashSet;
import java.util.Set;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;

/** The tracker's record of one message in flight. Agent-thread only. */
public final class OutboundState {
    private final MessageId id;
    private final NodeId recipient;
    private final byte[] sealedPayload;
    private final long timestamp;
    private final Path forcedPath;
    MessageStatus status = MessageStatus.PENDING;
    int retriesLeft = ProtocolConstants.MAX_RETRIES;
    int reroutesLeft = ProtocolConstants.MAX_REROUTES;
    int attemptGeneration;
    int routeGeneration;
    Path path;
    boolean everTransmitted;
    boolean readPending;
    long readAt;
    final Set<NodeId> failedRelays = new LinkedHashSet<>();

    /**
     * @param id            the message id, kept by every attempt
     * @param recipient     the final recipient
     * @param sealedPayload the encoded sealed payload, reused by every attempt (same nonce, so the recipient
     *                      recognises a retry)
     * @param timestamp     the envelope timestamp, kept by every attempt
     * @param forcedPath    relays to use instead of choosing, or {@code null}
     */
    public OutboundState(MessageId id, NodeId recipient, byte[] sealedPayload, long timestamp, Path forcedPath) {
        this.id = id;
        this.recipient = recipient;
        this.sealedPayload = sealedPayload;
        this.timestamp = timestamp;
        this.forcedPath = forcedPath;
    }

    public MessageId id() {
        return id;
    }

    public NodeId recipient() {
        return recipient;
    }

    public byte[] sealedPayload() {
        return sealedPayload;
    }

    public long timestamp() {
        return timestamp;
    }

    public MessageStatus status() {
        return status;
    }

    /** The path of the current transmission, or {@code null} before the first. */
    public Path path() {
        return path;
    }

    Path forcedPath() {
        return forcedPath;
    }

    /** Identifies the current transmission; results of older ones are ignored. */
    public int routeGeneration() {
        return routeGeneration;
    }
}
