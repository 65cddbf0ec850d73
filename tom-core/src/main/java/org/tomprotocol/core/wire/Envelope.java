package org.tomprotocol.core.wire;

import java.util.List;
import java.util.Objects;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

/**
 * The ToM envelope, Gen-2's ten positional fields. The payload and signature arrays are shared, not copied:
 * an envelope is treated as immutable by everyone who holds it.
 *
 * @param id        message id, kept by retries
 * @param from      the signing sender
 * @param to        the final recipient
 * @param via       relays in order; {@code via[0]} is the first hop
 * @param type      the kind of envelope
 * @param payload   opaque bytes; a sealed payload when {@code encrypted}
 * @param timestamp the sender's clock, epoch milliseconds
 * @param signature Ed25519 signature by {@code from} over {@link EnvelopeCodec#signingBytes}; empty if unsigned
 * @param ttl       hops left; relays decrement it (not signed)
 * @param encrypted whether {@code payload} is sealed to {@code to}
 */
public record Envelope(MessageId id, NodeId from, NodeId to, List<NodeId> via, MessageType type, byte[] payload,
                       long timestamp, byte[] signature, int ttl, boolean encrypted) {
    /** Relays an envelope may name, and the initial hop budget. */
    public static final int MAX_RELAYS = 4;
    /** Initial ttl, as Gen-2. */
    public static final int DEFAULT_TTL = 4;
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private static final byte[] UNSIGNED = new byte[0];

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        via = List.copyOf(via);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signature, "signature");
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative");
        }
        if (ttl < 0) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
    }

    /** An unsigned envelope with the default ttl. */
    public static Envelope unsigned(MessageId id, NodeId from, NodeId to, List<NodeId> via, MessageType type,
                                    byte[] payload, long timestamp, boolean encrypted) {
        return new Envelope(id, from, to, via, type, payload, timestamp, UNSIGNED, DEFAULT_TTL, encrypted);
    }

    /** This envelope with {@code newSignature}. */
    public Envelope withSignature(byte[] newSignature) {
        return new Envelope(id, from, to, via, type, payload, timestamp, newSignature, ttl, encrypted);
    }

    /** This envelope with {@code newTtl}. */
    public Envelope withTtl(int newTtl) {
        return new Envelope(id, from, to, via, type, payload, timestamp, signature, newTtl, encrypted);
    }

    /** Whether it carries a signature of the right length (validity is checked separately). */
    public boolean isSigned() {
        return signature.length == SIGNATURE_LENGTH;
    }

    /** The next hop after {@code relay}, which must be in {@code via}: the next relay, or {@code to}. */
    public NodeId hopAfter(NodeId relay) {
        int index = via.indexOf(relay);
        if (index < 0) {
            throw new IllegalArgumentException("not a relay of this envelope");
        }
        return index == via.size() - 1 ? to : via.get(index + 1);
    }

    /** The first hop: {@code via[0]}, or {@code to} when direct. */
    public NodeId firstHop() {
        return via.isEmpty() ? to : via.get(0);
    }

    @Override
    public String toString() {
        return "Envelope[" + type + " " + id + " " + from.shortForm() + "→" + to.shortForm() + " via=" + via.size()
                + " bytes=" + payload.length + " ttl=" + ttl + (encrypted ? " encrypted" : "") + "]";
    }
}
