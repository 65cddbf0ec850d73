package org.tomprotocol.transport.quic;

import java.util.Objects;

import io.netty.handler.codec.quic.Quic;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportProvider;

/**
 * Provides ToM's default transport: QUIC (Netty QUIC, quiche/BoringSSL) with TLS 1.3 pinned to the nodes'
 * Ed25519 identities. Addresses look like {@code quic:203.0.113.5:7400} or {@code quic:[2001:db8::1]:7400}.
 *
 * <p>Options (all in milliseconds unless said otherwise): {@code quic.keepalive-ms} (10000),
 * {@code quic.idle-timeout-ms} (30000), {@code quic.handshake-timeout-ms} (5000, for dials and for accepted
 * connections alike), {@code quic.ack-timeout-ms} (5000), {@code quic.dial-backoff-initial-ms} (1000),
 * {@code quic.dial-backoff-max-ms} (32000) and {@code quic.max-queued-frames} (a count, 4096 per peer); hole
 * punching: {@code quic.punch-probe-interval-ms} (50, the first gap of five probes per candidate, doubling),
 * {@code quic.punch-window-ms} (2000), {@code quic.punch-blind-dial-ms} (500), {@code quic.max-punches} (16
 * attempts at once) and {@code quic.punch-bytes-per-second} (16384: probes, and blind dials at 3600 bytes
 * each, to addresses others named).
 *
 * <p>What hostile peers can make a node spend is bounded by these ({@code QuicLimits}):
 * {@code quic.inbound-buffer-bytes} (bytes in partly received frames, all peers: 32 MiB, or two connections'
 * worth if more), {@code quic.inbound-buffer-per-connection-bytes} (four frames of {@code tom.max-frame-bytes},
 * at least 1 MiB), {@code quic.frame-deadline-ms} (15000: a frame not complete by then is reset),
 * {@code quic.max-half-open} (256 connections whose handshake is incomplete), {@code quic.retry-above-half-open}
 * (16: from then on new clients must answer a stateless Retry first; 0 always asks),
 * {@code quic.max-connections-per-address} (32) and {@code quic.max-identities-per-address} (16) per IPv4
 * address or IPv6 /64, which loopback peers are exempt from unless {@code quic.limit-loopback} is {@code true}
 * (false), {@code quic.peer-linger-ms} (30000: a peer with nothing going on is then dropped from the peer table,
 * its addresses kept), {@code quic.max-known-peers} (4096 peers kept by their addresses alone) and
 * {@code quic.observed-address-ttl-ms} (300000: how long a peer's report of this node's address counts once
 * its session ended). An address peers report for this node is adopted only when peers at two different
 * addresses report it. With the defaults, what peers can make a node hold however long they try is about
 * 32 MiB of partial frames, 256 half-open connections (tens of KiB each, for at most the handshake timeout)
 * and 4096 address-only peers, plus what the connections that completed a handshake cost: at most 32 per
 * address.
 */
public final class QuicTransportProvider implements TransportProvider {
    /** The provider id and address scheme. */
    public static final String SCHEME = "quic";

    @Override
    public String id() {
        return SCHEME;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability availability() {
        try {
            if (Quic.isAvailable()) {
                return Availability.AVAILABLE;
            }
            return Availability.unavailable("native QUIC library not loadable", Quic.unavailabilityCause());
        } catch (LinkageError | RuntimeException e) {
            // Netty's QUIC classes themselves are missing or broken: still an answer, never a crash.
            return Availability.unavailable("Netty QUIC classes not loadable", e);
        }
    }

    @Override
    public java.util.List<org.tomprotocol.api.OptionSpec> options() {
        return QuicOptionSpecs.all();
    }

    @Override
    public Transport bind(TransportContext context) throws TransportException {
        Objects.requireNonNull(context, "context");
        Availability availability = availability();
        if (!availability.available()) {
            throw new TransportException("the quic transport cannot run here: " + availability.reason());
        }
        return QuicTransportBinding.bind(context);
    }
}
