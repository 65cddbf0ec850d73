package org.tomprotocol.transport.quic;

import java.util.List;

import org.tomprotocol.api.OptionSpec;
import org.tomprotocol.api.OptionSpec.Type;

/** The {@code quic.*} options as the provider declares them: types, defaults (from the option records), docs. */
final class QuicOptionSpecs {
    /** The frame size the limits' defaults are shown for (the engine's default, an envelope's maximum). */
    private static final int DEFAULT_FRAME_BYTES = 256 * 1024;

    private QuicOptionSpecs() {
    }

    static List<OptionSpec> all() {
        QuicOptions o = QuicOptions.DEFAULTS;
        PunchTiming p = PunchTiming.DEFAULT;
        QuicLimits l = QuicLimits.from(java.util.Map.of(), DEFAULT_FRAME_BYTES);
        return List.of(
                spec(QuicOptions.KEEPALIVE, Type.MILLISECONDS, o.keepAliveMillis(),
                        "A keep-alive goes on a session idle this long (keeps NAT mappings open)."),
                spec(QuicOptions.IDLE_TIMEOUT, Type.MILLISECONDS, o.idleTimeoutMillis(),
                        "A connection that hears nothing this long is closed."),
                spec(QuicOptions.HANDSHAKE_TIMEOUT, Type.MILLISECONDS, o.handshakeTimeoutMillis(),
                        "A dial whose handshake has not completed by then fails."),
                spec(QuicOptions.ACK_TIMEOUT, Type.MILLISECONDS, o.ackTimeoutMillis(),
                        "A connection with unacknowledged frames that receives no packet this long is evicted."),
                spec(QuicOptions.BACKOFF_INITIAL, Type.MILLISECONDS, o.dialBackoffInitialMillis(),
                        "First wait after a failed dial round."),
                spec(QuicOptions.BACKOFF_MAX, Type.MILLISECONDS, o.dialBackoffMaxMillis(),
                        "The wait between dial rounds doubles up to this."),
                spec(QuicOptions.MAX_QUEUED_FRAMES, Type.INTEGER, o.maxQueuedFrames(),
                        "Frames waiting per peer before send fails."),
                spec(PunchTiming.PROBE_INTERVAL, Type.MILLISECONDS, p.probeIntervalMillis(),
                        "First gap between hole-punching probes to a candidate (the gaps double)."),
                spec(PunchTiming.WINDOW, Type.MILLISECONDS, p.windowMillis(),
                        "A hole-punching attempt fails this long after it started, unless a dial is completing."),
                spec(PunchTiming.BLIND_DIAL, Type.MILLISECONDS, p.blindDialMillis(),
                        "The dialling side dials the peer's signed addresses after this long without a probe."),
                spec(PunchTiming.MAX_PUNCHES, Type.INTEGER, p.maxPunches(),
                        "Hole-punching attempts running at once."),
                spec(PunchTiming.BYTES_PER_SECOND, Type.BYTES, p.bytesPerSecond(),
                        "Bytes of probes and blind dials sent per second at most, all attempts together."),
                spec(QuicLimits.INBOUND_BUFFER, Type.BYTES, l.inboundBufferBytes(),
                        "Bytes held in partly received frames, all peers together (default: 32 MiB, or two "
                                + "connections' worth if more)."),
                spec(QuicLimits.INBOUND_BUFFER_PER_CONNECTION, Type.BYTES, l.inboundBufferPerConnectionBytes(),
                        "Bytes held in partly received frames per connection (default: four frames of "
                                + "tom.max-frame-bytes, at least 1 MiB)."),
                spec(QuicLimits.FRAME_DEADLINE, Type.MILLISECONDS, l.frameDeadlineMillis(),
                        "A frame not complete by then is reset."),
                spec(QuicLimits.MAX_HALF_OPEN, Type.INTEGER, l.maxHalfOpen(),
                        "Connections whose handshake is incomplete, at most; new Initials beyond are dropped."),
                spec(QuicLimits.RETRY_ABOVE_HALF_OPEN, Type.INTEGER, l.retryAboveHalfOpen(),
                        "Above this many half-open connections new clients must prove their address (Retry); "
                                + "0: always."),
                spec(QuicLimits.MAX_CONNECTIONS_PER_ADDRESS, Type.INTEGER, l.maxConnectionsPerAddress(),
                        "Connections from one IPv4 address or IPv6 /64."),
                spec(QuicLimits.MAX_IDENTITIES_PER_ADDRESS, Type.INTEGER, l.maxIdentitiesPerAddress(),
                        "Distinct node identities connected from one IPv4 address or IPv6 /64."),
                new OptionSpec(QuicLimits.LIMIT_LOOPBACK, Type.BOOLEAN, String.valueOf(l.limitLoopback()),
                        "Whether the per-address caps apply to loopback peers too."),
                spec(QuicLimits.PEER_LINGER, Type.MILLISECONDS, l.peerLingerMillis(),
                        "A peer with nothing going on is dropped after this long (its addresses kept)."),
                spec(QuicLimits.MAX_KNOWN_PEERS, Type.INTEGER, l.maxKnownPeers(),
                        "Peers kept by their addresses alone, least recently used first out."),
                spec(QuicLimits.OBSERVED_ADDRESS_TTL, Type.MILLISECONDS, l.observedAddressTtlMillis(),
                        "How long a peer's report of this node's address counts once its session ended."));
    }

    private static OptionSpec spec(String key, Type type, long defaultValue, String description) {
        return new OptionSpec(key, type, String.valueOf(defaultValue), description);
    }
}
