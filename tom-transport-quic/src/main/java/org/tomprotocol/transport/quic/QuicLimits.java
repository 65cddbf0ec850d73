package org.tomprotocol.transport.quic;

import java.util.Map;

/**
 * What a node spends at most on peers, the {@code quic.*} options that bound it against hostile ones, validated.
 *
 * @param inboundBufferBytes              bytes held in partly received frames, all connections together
 *                                        (default: 32 MiB, or two connections' worth if that is more)
 * @param inboundBufferPerConnectionBytes bytes held in partly received frames of one connection (default: four
 *                                        frames of the largest size, at least 1 MiB); also the QUIC connection
 *                                        window a peer starts with
 * @param frameDeadlineMillis             a frame not complete this long after its stream opened is reset
 * @param maxHalfOpen                     accepted connections whose handshake has not completed; beyond it new
 *                                        Initials get only a stateless Retry, and retried ones are dropped
 * @param retryAboveHalfOpen              with this many half-open connections, new clients must prove their
 *                                        address with a Retry round trip first ({@code 0}: always)
 * @param maxConnectionsPerAddress        accepted connections from one address (an IPv4 address, an IPv6 /64);
 *                                        from half of it on a client must first answer a Retry
 * @param maxIdentitiesPerAddress         distinct node identities connected from one address
 * @param limitLoopback                   whether the two per-address caps apply to loopback peers too
 * @param peerLingerMillis                what the transport keeps of a peer with nothing going on is dropped
 *                                        after this long (its addresses stay known)
 * @param maxKnownPeers                   peers whose addresses are kept without anything going on with them
 *                                        (least recently used first out)
 * @param observedAddressTtlMillis        a peer's report of this node's address counts this long after its
 *                                        session ended
 */
record QuicLimits(long inboundBufferBytes, long inboundBufferPerConnectionBytes, long frameDeadlineMillis,
                  int maxHalfOpen, int retryAboveHalfOpen, int maxConnectionsPerAddress, int maxIdentitiesPerAddress,
                  boolean limitLoopback, long peerLingerMillis, int maxKnownPeers, long observedAddressTtlMillis) {
    static final String INBOUND_BUFFER = "quic.inbound-buffer-bytes";
    static final String INBOUND_BUFFER_PER_CONNECTION = "quic.inbound-buffer-per-connection-bytes";
    static final String FRAME_DEADLINE = "quic.frame-deadline-ms";
    static final String MAX_HALF_OPEN = "quic.max-half-open";
    static final String RETRY_ABOVE_HALF_OPEN = "quic.retry-above-half-open";
    static final String MAX_CONNECTIONS_PER_ADDRESS = "quic.max-connections-per-address";
    static final String MAX_IDENTITIES_PER_ADDRESS = "quic.max-identities-per-address";
    static final String LIMIT_LOOPBACK = "quic.limit-loopback";
    static final String PEER_LINGER = "quic.peer-linger-ms";
    static final String MAX_KNOWN_PEERS = "quic.max-known-peers";
    static final String OBSERVED_ADDRESS_TTL = "quic.observed-address-ttl-ms";

    private static final long MIB = 1 << 20;
    /** The least a connection may hold in partial frames by default (more with larger frames). */
    static final long MIN_DEFAULT_BUFFER_PER_CONNECTION = MIB;
    private static final long DAY_MILLIS = 24L * 3600 * 1000;

    QuicLimits {
        if (inboundBufferPerConnectionBytes > inboundBufferBytes) {
            throw new IllegalArgumentException("option " + INBOUND_BUFFER_PER_CONNECTION + " ("
                    + inboundBufferPerConnectionBytes + ") must not exceed " + INBOUND_BUFFER + " ("
                    + inboundBufferBytes + ")");
        }
        if (retryAboveHalfOpen > maxHalfOpen) {
            throw new IllegalArgumentException("option " + RETRY_ABOVE_HALF_OPEN + " (" + retryAboveHalfOpen
                    + ") must not exceed " + MAX_HALF_OPEN + " (" + maxHalfOpen + ")");
        }
    }

    /** Reads the options, with the documented defaults, for frames of at most {@code maxFrameBytes}. */
    static QuicLimits from(Map<String, String> options, int maxFrameBytes) {
        long perConnection = OptionValues.positive(options, INBOUND_BUFFER_PER_CONNECTION,
                Math.max(MIN_DEFAULT_BUFFER_PER_CONNECTION, 4L * maxFrameBytes),
                1L << 40, "a number of bytes");
        long frameRoom = maxFrameBytes + (long) maxFrameBytes / 8; // one frame, arriving in pieces (see FrameBudget)
        if (perConnection < frameRoom) {
            throw new IllegalArgumentException("option " + INBOUND_BUFFER_PER_CONNECTION + " (" + perConnection
                    + ") must be at least " + frameRoom + " to hold one whole frame of tom.max-frame-bytes ("
                    + maxFrameBytes + "): raise it or lower tom.max-frame-bytes");
        }
        return new QuicLimits(
                OptionValues.positive(options, INBOUND_BUFFER, Math.max(32 * MIB, 2 * perConnection), 1L << 40,
                        "a number of bytes"),
                perConnection,
                OptionValues.positive(options, FRAME_DEADLINE, 15_000, DAY_MILLIS, "a number of milliseconds"),
                (int) OptionValues.positive(options, MAX_HALF_OPEN, 256, 1 << 20, "a number of connections"),
                (int) OptionValues.between(options, RETRY_ABOVE_HALF_OPEN, 16, 0, 1 << 20,
                        "a number of connections (0: always)"),
                (int) OptionValues.positive(options, MAX_CONNECTIONS_PER_ADDRESS, 32, 1 << 20,
                        "a number of connections"),
                (int) OptionValues.positive(options, MAX_IDENTITIES_PER_ADDRESS, 16, 1 << 20,
                        "a number of node identities"),
                OptionValues.bool(options, LIMIT_LOOPBACK, false),
                OptionValues.positive(options, PEER_LINGER, 30_000, DAY_MILLIS, "a number of milliseconds"),
                (int) OptionValues.positive(options, MAX_KNOWN_PEERS, 4096, 1 << 24, "a number of peers"),
                OptionValues.positive(options, OBSERVED_ADDRESS_TTL, 300_000, DAY_MILLIS, "a number of milliseconds"));
    }
}
