package org.tomprotocol.transport.quic;

import java.util.Map;

/**
 * How a hole-punching attempt paces itself: the {@code quic.punch-*} node options.
 *
 * @param probeIntervalMillis probes go to every candidate this often
 * @param windowMillis        probing stops after this long; the attempt fails then unless a dial is still
 *                            completing its handshake
 * @param blindDialMillis     the dialling side dials every candidate after this long even if no probe came
 *                            back (the peer may not probe, or every probe may have been lost)
 * @param maxCandidates       candidates probed at most (a relay's introduction could name many)
 */
record PunchTiming(long probeIntervalMillis, long windowMillis, long blindDialMillis, int maxCandidates) {
    static final String PROBE_INTERVAL = "quic.punch-probe-interval-ms";
    static final String WINDOW = "quic.punch-window-ms";
    static final String BLIND_DIAL = "quic.punch-blind-dial-ms";
    private static final long MAX_MILLIS = 60_000;

    /** Probes every 50 ms for 2 s; the blind dial after 500 ms; 8 candidates. */
    static final PunchTiming DEFAULT = new PunchTiming(50, 2_000, 500, 8);

    PunchTiming {
        if (probeIntervalMillis > windowMillis) {
            throw new IllegalArgumentException("option " + PROBE_INTERVAL + " (" + probeIntervalMillis
                    + ") must not exceed " + WINDOW + " (" + windowMillis + ")");
        }
    }

    /** The timing {@code options} ask for, defaults otherwise. */
    static PunchTiming from(Map<String, String> options) {
        return new PunchTiming(millis(options, PROBE_INTERVAL, DEFAULT.probeIntervalMillis),
                millis(options, WINDOW, DEFAULT.windowMillis), millis(options, BLIND_DIAL, DEFAULT.blindDialMillis),
                DEFAULT.maxCandidates);
    }

    private static long millis(Map<String, String> options, String key, long defaultValue) {
        String text = options.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value > 0 && value <= MAX_MILLIS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the option name
        }
        throw new IllegalArgumentException("option " + key + " must be a number of milliseconds between 1 and "
                + MAX_MILLIS + ", got '" + text + "'");
    }
}
