package org.tomprotocol.core.engine;

import java.util.LinkedHashSet;
import java.util.Set;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.WireProfile;
import org.tomprotocol.spi.state.Backoff;

/** The tracker's record of one message in flight. Agent-thread only. */
public final class OutboundState {
    private final MessageId id;
    private final NodeId recipient;
    private byte[] plaintext;
    private byte[] sealedPayload;
    private final long timestamp;
    private final Path forcedPath;
    MessageStatus status = MessageStatus.PENDING;
    int retriesLeft = ProtocolConstants.MAX_RETRIES;
    int reroutesLeft = ProtocolConstants.MAX_REROUTES;
    int attemptGeneration;
    int routeGeneration;
    /** The transmission whose forwarding a relay last confirmed. */
    int relayConfirmedGeneration;
    Path path;
    /** How the current transmission is written: compact only if every node on its path accepts that. */
    WireProfile wireProfile = WireProfile.REFERENCE;
    /** The stamp difficulty the current transmission carries (lock 5): the highest a node on its path asked; 0. */
    int stampBits;
    boolean everTransmitted;
    boolean readPending;
    long readAt;
    final Set<NodeId> failedRelays = new LinkedHashSet<>();
    /** Waits between rounds of attempts, once the first round's retries are spent. */
    final Backoff rounds = new Backoff(ProtocolConstants.ROUND_BACKOFF_INITIAL_MS, ProtocolConstants.ROUND_BACKOFF_MAX_MS);
    /** Whether the message waits for its next round (its recipient was out of reach). */
    boolean waitingForRound;

    /**
     * @param id            the message id, kept by every attempt
     * @param recipient     the final recipient
     * @param plaintext     the application payload; sealed on a worker at the first transmission (from a
     *                      {@link #snapshot()}), and the sealed form, handed back, is reused by every later attempt
     *                      (same nonce, so the recipient recognises a retry)
     * @param timestamp     the envelope timestamp, kept by every attempt
     * @param forcedPath    relays to use instead of choosing, or {@code null}
     */
    public OutboundState(MessageId id, NodeId recipient, byte[] plaintext, long timestamp, Path forcedPath) {
        this.id = id;
        this.recipient = recipient;
        this.plaintext = plaintext;
        this.timestamp = timestamp;
        this.forcedPath = forcedPath;
    }

    /**
     * A message sealed when it was accepted (kept durable that way, and resumed after a restart with the same id,
     * timestamp and sealed payload, so the recipient recognises it and its lifetime still ends 24 h after it was
     * first accepted).
     */
    public static OutboundState sealed(MessageId id, NodeId recipient, byte[] sealedPayload, long timestamp,
                                       Path forcedPath) {
        OutboundState state = new OutboundState(id, recipient, null, timestamp, forcedPath);
        state.sealedPayload = sealedPayload;
        return state;
    }

    public MessageId id() {
        return id;
    }

    public NodeId recipient() {
        return recipient;
    }

    /**
     * What a worker needs to send the message, as an immutable value taken on the agent thread: workers never touch
     * this mutable record. Exactly one of {@code plaintext} and {@code sealedPayload} is set.
     */
    public record Snapshot(MessageId id, NodeId recipient, long timestamp, byte[] plaintext, byte[] sealedPayload) {
    }

    /** The message as a worker may use it (agent thread). */
    public Snapshot snapshot() {
        return new Snapshot(id, recipient, timestamp, sealedPayload == null ? plaintext : null, sealedPayload);
    }

    /**
     * A worker sealed the payload: the first sealed form is kept for every later attempt, and the plaintext dropped
     * (agent thread).
     */
    void sealedAs(byte[] sealed) {
        if (sealedPayload == null) {
            sealedPayload = sealed;
            plaintext = null;
        }
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

    /** The wire profile of the current transmission. */
    public WireProfile wireProfile() {
        return wireProfile;
    }

    /** The stamp difficulty the current transmission carries; 0 for none. */
    public int stampBits() {
        return stampBits;
    }

    /** Identifies the current transmission; results of older ones are ignored. */
    public int routeGeneration() {
        return routeGeneration;
    }
}
