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
 * {@code quic.idle-timeout-ms} (30000), {@code quic.handshake-timeout-ms} (5000), {@code quic.ack-timeout-ms}
 * (5000), {@code quic.dial-backoff-initial-ms} (1000), {@code quic.dial-backoff-max-ms} (32000) and
 * {@code quic.max-queued-frames} (a count, 4096 per peer); hole punching: {@code quic.punch-probe-interval-ms}
 * (50), {@code quic.punch-window-ms} (2000), {@code quic.punch-blind-dial-ms} (500).
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
    public Transport bind(TransportContext context) throws TransportException {
        Objects.requireNonNull(context, "context");
        Availability availability = availability();
        if (!availability.available()) {
            throw new TransportException("the quic transport cannot run here: " + availability.reason());
        }
        return QuicTransport.bind(context);
    }
}
