package org.tomprotocol.transport.quic;

import java.util.Map;

import org.tomprotocol.spi.transport.TransportContext;

/**
 * The {@code quic.*} node options, validated.
 *
 * @param keepAliveMillis        send a keep-alive on a session idle this long (keeps NAT mappings open)
 * @param idleTimeoutMillis      QUIC idle timeout: a connection that hears nothing this long is closed
 * @param handshakeTimeoutMillis a dial attempt that has not completed its handshake by then fails
 * @param ackTimeoutMillis       a connection with unacknowledged frames that receives no packet this long is
 *                               a zombie and is evicted
 * @param dialBackoffInitialMillis first wait after a failed dial round
 * @param dialBackoffMaxMillis   the wait doubles up to this
 * @param maxQueuedFrames        frames waiting per peer before {@code send} fails
 */
record QuicOptions(long keepAliveMillis, long idleTimeoutMillis, long handshakeTimeoutMillis, long ackTimeoutMillis,
                   long dialBackoffInitialMillis, long dialBackoffMaxMillis, int maxQueuedFrames) {
    static final String KEEPALIVE = "quic.keepalive-ms";
    static final String IDLE_TIMEOUT = "quic.idle-timeout-ms";
    static final String HANDSHAKE_TIMEOUT = "quic.handshake-timeout-ms";
    static final String ACK_TIMEOUT = "quic.ack-timeout-ms";
    static final String BACKOFF_INITIAL = "quic.dial-backoff-initial-ms";
    static final String BACKOFF_MAX = "quic.dial-backoff-max-ms";
    static final String MAX_QUEUED_FRAMES = "quic.max-queued-frames";

    QuicOptions {
        if (keepAliveMillis >= idleTimeoutMillis) {
            throw new IllegalArgumentException("option " + KEEPALIVE + " (" + keepAliveMillis
                    + ") must be smaller than " + IDLE_TIMEOUT + " (" + idleTimeoutMillis
                    + "), or idle sessions would time out between keep-alives");
        }
        if (dialBackoffInitialMillis > dialBackoffMaxMillis) {
            throw new IllegalArgumentException("option " + BACKOFF_INITIAL + " (" + dialBackoffInitialMillis
                    + ") must not exceed " + BACKOFF_MAX + " (" + dialBackoffMaxMillis + ")");
        }
    }

    /** The defaults. */
    static final QuicOptions DEFAULTS = from(Map.of());

    /** Reads the options of {@code context}, with the documented defaults. */
    static QuicOptions from(TransportContext context) {
        return from(context.options());
    }

    static QuicOptions from(Map<String, String> options) {
        return new QuicOptions(
                millis(options, KEEPALIVE, 10_000),
                millis(options, IDLE_TIMEOUT, 30_000),
                millis(options, HANDSHAKE_TIMEOUT, 5_000),
                millis(options, ACK_TIMEOUT, 5_000),
                millis(options, BACKOFF_INITIAL, 1_000),
                millis(options, BACKOFF_MAX, 32_000),
                (int) positive(options, MAX_QUEUED_FRAMES, 4096, Integer.MAX_VALUE, "a number of frames"));
    }

    /** How often connections are checked for keep-alive and zombies. */
    long tickMillis() {
        return Math.max(20, Math.min(1_000, Math.min(keepAliveMillis, ackTimeoutMillis) / 4));
    }

    private static long millis(Map<String, String> options, String key, long defaultValue) {
        return OptionValues.positive(options, key, defaultValue, 24L * 3600 * 1000, "a number of milliseconds");
    }

    private static long positive(Map<String, String> options, String key, long defaultValue, long max,
                                 String what) {
        return OptionValues.positive(options, key, defaultValue, max, what);
    }
}
