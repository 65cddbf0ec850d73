package org.tomprotocol.transport.quic;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicTokenHandler;
import io.netty.util.AttributeKey;
import org.tomprotocol.spi.transport.TransportListener;

/**
 * Decides, for every QUIC Initial that would open a connection, whether the node keeps state for it. The server
 * codec asks before it creates a connection: a client without a token may be accepted at once, or answered with
 * a stateless Retry (no state kept, a reply smaller than the Initial, so no amplification) — always when
 * {@code quic.retry-above-half-open} connections are half-open (their handshake incomplete), when the node is
 * at {@code quic.max-half-open}, or when the client's address already uses half of its connection cap. A client
 * that comes back with a valid token has proven its address; it is then refused (its Initial dropped) only
 * when the node is at the half-open cap or its address at its connection cap. Spoofed sources never get past the
 * Retry, so a flood of Initials costs the node at most the half-open cap in connections, each for at most the
 * handshake timeout. Every refusal is counted. Event-loop confined (the codec runs on the transport's loop).
 */
final class InboundAdmission implements QuicTokenHandler {
    /** How long a Retry token is good for: one round trip, generously. */
    static final long TOKEN_VALIDITY_MILLIS = 10_000;

    private static final AttributeKey<InetAddress> FROM = AttributeKey.valueOf(InboundAdmission.class, "from");
    private static final AttributeKey<ScheduledFuture<?>> DEADLINE =
            AttributeKey.valueOf(InboundAdmission.class, "deadline");
    private static final AttributeKey<Boolean> TIMED_OUT = AttributeKey.valueOf(InboundAdmission.class, "timedOut");

    private final QuicLimits limits;
    private final long handshakeTimeoutMillis;
    private final AddressLimits addresses;
    private final RetryTokens tokens;
    private final TransportListener listener;
    private final LoopErrors errors;
    private int halfOpen;
    private int peakHalfOpen;
    private long retriesSent;

    InboundAdmission(QuicLimits limits, long handshakeTimeoutMillis, AddressLimits addresses, RetryTokens tokens,
                     TransportListener listener, LoopErrors errors) {
        this.limits = limits;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.addresses = addresses;
        this.tokens = tokens;
        this.listener = listener;
        this.errors = errors;
    }

    // ---- the codec's questions

    /** A client's first Initial, without a token: {@code true} answers it with a Retry, {@code false} accepts. */
    @Override
    public boolean writeToken(ByteBuf out, ByteBuf dcid, InetSocketAddress client) {
        boolean retry;
        if (halfOpen >= limits.maxHalfOpen()) {
            listener.onShed(null, "handshake-capacity");
            retry = true;
        } else {
            retry = halfOpen >= limits.retryAboveHalfOpen() || addresses.costly(client.getAddress());
        }
        if (retry) {
            tokens.mint(out, dcid, client, nowMillis());
            retriesSent++;
        }
        return retry;
    }

    @Override
    public TokenValidationResult validateToken(ByteBuf token, InetSocketAddress client, ByteBuf dcid) {
        int offset = validateToken(token, client);
        return offset < 0 ? TokenValidationResult.invalidToken() : TokenValidationResult.odcidFromToken(offset);
    }

    /** A client's Initial with a token: where its original connection id starts in it, or -1 to drop it. */
    @Override
    public int validateToken(ByteBuf token, InetSocketAddress client) {
        int offset = tokens.validate(token, client, nowMillis());
        if (offset < 0) {
            listener.onRejected(null, "retry-token-invalid");
            return -1;
        }
        if (halfOpen >= limits.maxHalfOpen()) {
            listener.onShed(null, "handshake-capacity");
            return -1;
        }
        if (addresses.full(client.getAddress())) {
            listener.onShed(null, "connections-per-address");
            return -1;
        }
        return offset;
    }

    @Override
    public int maxTokenLength() {
        return RetryTokens.MAX_LENGTH;
    }

    // ---- accepted connections

    /** The codec created an accepted connection: it is half-open until {@link #established}. */
    void opened(QuicChannel channel) {
        halfOpen++;
        peakHalfOpen = Math.max(peakHalfOpen, halfOpen);
        if (channel.remoteSocketAddress() instanceof InetSocketAddress remote) {
            channel.attr(FROM).set(remote.getAddress());
            addresses.connectionOpened(remote.getAddress());
        }
        channel.attr(DEADLINE).set(channel.eventLoop().schedule(errors.guard("handshake deadline", () -> {
            if (channel.isOpen() && !channel.isActive()) {
                channel.attr(TIMED_OUT).set(Boolean.TRUE);
                listener.onShed(null, "handshake-timeout");
                channel.close();
            }
        }), handshakeTimeoutMillis, TimeUnit.MILLISECONDS));
    }

    /** Its handshake completed. */
    void established(QuicChannel channel) {
        cancelDeadline(channel);
        halfOpen--;
    }

    /**
     * It closed; {@code wasEstablished} says whether {@link #established} was called.
     *
     * @return whether its end was already counted (its handshake timed out)
     */
    boolean closed(QuicChannel channel, boolean wasEstablished) {
        cancelDeadline(channel);
        if (!wasEstablished) {
            halfOpen--;
        }
        InetAddress from = channel.attr(FROM).getAndSet(null);
        if (from != null) {
            addresses.connectionClosed(from);
        }
        return Boolean.TRUE.equals(channel.attr(TIMED_OUT).get());
    }

    private static void cancelDeadline(QuicChannel channel) {
        ScheduledFuture<?> deadline = channel.attr(DEADLINE).getAndSet(null);
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /** Accepted connections whose handshake has not completed. */
    int halfOpen() {
        return halfOpen;
    }

    /** The most that were ever half-open at once. */
    int peakHalfOpen() {
        return peakHalfOpen;
    }

    /** Retry packets sent. */
    long retriesSent() {
        return retriesSent;
    }

    private static long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }
}
