package org.tomprotocol.transport.quic;

import java.util.Map;

/**
 * How hole punching paces and bounds itself: the {@code quic.punch-*} and {@code quic.max-punches} node options.
 * A candidate gets {@value #PROBES_PER_CANDIDATE} probes, the gaps doubling from the probe interval (at 0, 1,
 * 3, 7 and 15 intervals: 0/50/150/350/750 ms by default): a peer that starts its side late still meets one of
 * them, and an answer goes back at once to every probe that arrives, so the way opens as soon as both have
 * started.
 *
 * @param probeIntervalMillis     the first gap between probes to a candidate
 * @param windowMillis            the attempt fails this long after it started (or got new candidates) unless a
 *                                dial is still completing its handshake
 * @param blindDialMillis         the dialling side dials the peer's given addresses after this long even if no
 *                                probe came back (the peer may not probe, or every probe may have been lost)
 * @param maxCandidates           candidates probed at most per attempt (a relay's introduction could name many)
 * @param maxPunches              attempts running at once, towards all peers together
 * @param bytesPerSecond          bytes of probes and blind dials this node sends per second at most, all
 *                                attempts together
 */
record PunchTiming(long probeIntervalMillis, long windowMillis, long blindDialMillis, int maxCandidates,
                   int maxPunches, long bytesPerSecond) {
    static final String PROBE_INTERVAL = "quic.punch-probe-interval-ms";
    static final String WINDOW = "quic.punch-window-ms";
    static final String BLIND_DIAL = "quic.punch-blind-dial-ms";
    static final String MAX_PUNCHES = "quic.max-punches";
    static final String BYTES_PER_SECOND = "quic.punch-bytes-per-second";
    /** Probes per candidate and attempt. */
    static final int PROBES_PER_CANDIDATE = 5;
    /**
     * Candidates not known from {@code addPeerAddresses} per attempt: probed, never dialled unless a probe of the
     * peer comes from there.
     */
    static final int MAX_UNVERIFIED_CANDIDATES = 2;
    /** Addresses a probe of the peer may come from, besides the candidates, per attempt. */
    static final int MAX_PROBE_SOURCES = 2;
    /**
     * What a blind dial costs of the punch budget: a QUIC Initial is 1200 bytes, and an address that does not
     * answer gets it about three times before the handshake times out.
     */
    static final int BLIND_DIAL_BYTES = 3 * 1200;
    private static final long MAX_MILLIS = 60_000;

    /** Probes from 0 to 750 ms, a 2 s window, the blind dial after 500 ms; 8 candidates; 16 attempts, 16 KiB/s. */
    static final PunchTiming DEFAULT = new PunchTiming(50, 2_000, 500, 8, 16, 16 * 1024);

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
                DEFAULT.maxCandidates,
                (int) OptionValues.positive(options, MAX_PUNCHES, DEFAULT.maxPunches, 1 << 16, "a number of attempts"),
                OptionValues.between(options, BYTES_PER_SECOND, DEFAULT.bytesPerSecond, PunchProbe.LENGTH,
                        1L << 30, "a number of bytes"));
    }

    /** When the {@code index}th probe (from 0) to a candidate is due, after the candidate was added. */
    long probeOffsetMillis(int index) {
        return probeIntervalMillis * ((1L << index) - 1);
    }

    private static long millis(Map<String, String> options, String key, long defaultValue) {
        return OptionValues.positive(options, key, defaultValue, MAX_MILLIS, "a number of milliseconds");
    }
}
