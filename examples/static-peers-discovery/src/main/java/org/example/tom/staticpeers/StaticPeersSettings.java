package org.example.tom.staticpeers;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.OptionSpec;

/**
 * The node options of the {@code static} discovery, read and checked. The node already refuses a value of the
 * wrong type before the discovery is created; ranges are checked here, and every refusal names the key and says
 * what to write instead.
 *
 * @param peersFile            the file listing the peers to connect to, if any
 * @param redialIntervalMillis how often a listed peer that is not a neighbour is greeted again
 * @param maxLearnedPeers      how many neighbours this node takes besides the listed peers
 */
record StaticPeersSettings(Optional<Path> peersFile, long redialIntervalMillis, int maxLearnedPeers) {
    static final String PEERS_FILE = "static.peers-file";
    static final String REDIAL_INTERVAL = "static.redial-interval-ms";
    static final String MAX_LEARNED_PEERS = "static.max-learned-peers";

    static final long DEFAULT_REDIAL_INTERVAL_MILLIS = 5_000;
    static final int DEFAULT_MAX_LEARNED_PEERS = 32;
    /** Faster than this, a listed peer that is down would be dialled over and over for nothing. */
    static final long MIN_REDIAL_INTERVAL_MILLIS = 100;
    static final long MAX_REDIAL_INTERVAL_MILLIS = 3_600_000;
    static final int MAX_MAX_LEARNED_PEERS = 1_024;

    static final List<OptionSpec> OPTIONS = List.of(
            new OptionSpec(PEERS_FILE, OptionSpec.Type.TEXT, "",
                    "A file listing the peers to connect to, one NODEID@HOST:PORT per line ('#' starts a comment; "
                            + "a line naming this node is skipped); empty: the bootstrap peers only."),
            new OptionSpec(REDIAL_INTERVAL, OptionSpec.Type.MILLISECONDS, Long.toString(DEFAULT_REDIAL_INTERVAL_MILLIS),
                    "How often a listed peer that is not connected is greeted again (" + MIN_REDIAL_INTERVAL_MILLIS
                            + " to " + MAX_REDIAL_INTERVAL_MILLIS + ")."),
            new OptionSpec(MAX_LEARNED_PEERS, OptionSpec.Type.INTEGER, Integer.toString(DEFAULT_MAX_LEARNED_PEERS),
                    "How many neighbours to take besides the listed peers: nodes that greeted this one or that a "
                            + "neighbour told of (0 to " + MAX_MAX_LEARNED_PEERS + ")."));

    /**
     * Reads the options of the {@code static} discovery from a node's options.
     *
     * @throws ConfigurationException naming the key whose value is unusable and what would do
     */
    static StaticPeersSettings from(Map<String, String> options) {
        return new StaticPeersSettings(peersFile(options.get(PEERS_FILE)),
                number(options, REDIAL_INTERVAL, DEFAULT_REDIAL_INTERVAL_MILLIS, MIN_REDIAL_INTERVAL_MILLIS,
                        MAX_REDIAL_INTERVAL_MILLIS, "a number of milliseconds"),
                (int) number(options, MAX_LEARNED_PEERS, DEFAULT_MAX_LEARNED_PEERS, 0, MAX_MAX_LEARNED_PEERS,
                        "a whole number"));
    }

    private static Optional<Path> peersFile(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value.strip()));
        } catch (InvalidPathException e) {
            throw new ConfigurationException("option " + PEERS_FILE + "='" + value + "' is not a file path: "
                    + e.getReason());
        }
    }

    private static long number(Map<String, String> options, String key, long fallback, long min, long max,
                               String what) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("option " + key + "='" + value + "' is not " + what
                    + "; remove it to use the default " + fallback);
        }
        if (number < min || number > max) {
            throw new ConfigurationException("option " + key + "=" + number + " is out of range: use " + min + " to "
                    + max + " (default " + fallback + ")");
        }
        return number;
    }
}
