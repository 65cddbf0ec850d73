package org.tomprotocol.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import org.tomprotocol.api.spi.NodeConfig;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.api.spi.Provider;

/**
 * Configures and starts a {@link TomNode}. Every setting is optional: with none, the node gets a fresh
 * in-memory identity, listens on an ephemeral port of every interface with every available transport, and
 * finds peers through discovery.
 *
 * <p>Settings are validated when set, so a mistake is reported where it was made.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class NodeBuilder {
    /** Default capacity of the queue between callers of {@code send} and the engine. */
    public static final int DEFAULT_SEND_QUEUE_CAPACITY = 16_384;
    /**
     * The largest application payload a message can carry, in bytes: an envelope is at most 256 KiB on the wire,
     * and tom-v1 writes the sealed payload's bytes as integers, twice, so a byte of ciphertext takes up to four; the
     * message must also fit as a backup copy, which names its holders (the derivation is a test of the engine). A
     * larger {@code send} is refused at once.
     */
    public static final int MAX_PAYLOAD_BYTES = 65_114;
    /** Default largest application payload, in bytes: the most a message can carry. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = MAX_PAYLOAD_BYTES;

    private Path dataDir;
    private byte[] identitySeed;
    private final List<TransportAddress> listen = new ArrayList<>();
    private final List<PeerAddress> bootstrap = new ArrayList<>();
    private final Set<String> transports = new LinkedHashSet<>();
    private final List<Provider> providers = new ArrayList<>();
    private boolean serviceLoading = true;
    private PluginSource plugins = PluginSource.system();
    private OptionalLong randomSeed = OptionalLong.empty();
    private int sendQueueCapacity = DEFAULT_SEND_QUEUE_CAPACITY;
    private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
    private final Map<String, String> options = new LinkedHashMap<>();

    NodeBuilder() {
    }

    /**
     * Keeps the node's identity (and later its durable state) in {@code directory}, created if missing.
     * Without it the identity lives in memory and dies with the node.
     */
    public NodeBuilder dataDir(Path directory) {
        this.dataDir = Objects.requireNonNull(directory, "dataDir");
        return this;
    }

    /**
     * Uses the identity derived from a 32-byte Ed25519 seed, e.g. for reproducible simulations. The seed
     * is copied; it is never logged.
     */
    public NodeBuilder identitySeed(byte[] seed) {
        Objects.requireNonNull(seed, "identitySeed");
        if (seed.length != 32) {
            throw new ConfigurationException("identitySeed must be 32 bytes, got " + seed.length);
        }
        this.identitySeed = seed.clone();
        return this;
    }

    /**
     * Adds an address to listen on, e.g. {@code "0.0.0.0:7400"} (QUIC) or {@code "mem:alice"}.
     *
     * @throws ConfigurationException if the address cannot be parsed
     */
    public NodeBuilder listen(String address) {
        return listen(parse(() -> TransportAddress.parse(address), "listen address '" + address + "'"));
    }

    /** Adds an address to listen on. */
    public NodeBuilder listen(TransportAddress address) {
        listen.add(Objects.requireNonNull(address, "listen"));
        return this;
    }

    /**
     * Adds a node to join the network through, written {@code NODEID@HOST:PORT}.
     *
     * @throws ConfigurationException if the text is not a valid peer address
     */
    public NodeBuilder bootstrap(String peer) {
        return bootstrap(parse(() -> PeerAddress.parse(peer), "bootstrap peer '" + peer + "'"));
    }

    /** Adds a node to join the network through. */
    public NodeBuilder bootstrap(PeerAddress peer) {
        bootstrap.add(Objects.requireNonNull(peer, "bootstrap"));
        return this;
    }

    /** Restricts the node to the transports with these provider ids (default: every available one). */
    public NodeBuilder transports(String... ids) {
        for (String id : ids) {
            transports.add(Objects.requireNonNull(id, "transport id"));
        }
        return this;
    }

    /**
     * Adds a provider instance (transport, discovery, crypto suite, store or anchor) beside those found by
     * {@link java.util.ServiceLoader}; an explicit instance wins over a loaded one with the same id.
     */
    public NodeBuilder provider(Provider provider) {
        providers.add(Objects.requireNonNull(provider, "provider"));
        return this;
    }

    /** Whether to look providers up with {@link java.util.ServiceLoader} (default {@code true}). */
    public NodeBuilder serviceLoading(boolean enabled) {
        this.serviceLoading = enabled;
        return this;
    }

    /** Where to look providers up, e.g. a module layer of plugin jars. */
    public NodeBuilder plugins(PluginSource source) {
        this.plugins = Objects.requireNonNull(source, "plugins");
        return this;
    }

    /**
     * Seeds the node's non-cryptographic choices (relay selection, gossip) and its message ids, for reproducible runs:
     * ids stay unique but become predictable, so a seed is for simulations and tests.
     */
    public NodeBuilder randomSeed(long seed) {
        this.randomSeed = OptionalLong.of(seed);
        return this;
    }

    /** Capacity of the send queue; {@code send} fails fast when it is full. */
    public NodeBuilder sendQueueCapacity(int capacity) {
        if (capacity < 1) {
            throw new ConfigurationException("sendQueueCapacity must be at least 1, got " + capacity);
        }
        this.sendQueueCapacity = capacity;
        return this;
    }

    /** Largest application payload accepted by {@code send}, in bytes: at most (and by default) {@link #MAX_PAYLOAD_BYTES}. */
    public NodeBuilder maxPayloadBytes(int bytes) {
        if (bytes < 1 || bytes > MAX_PAYLOAD_BYTES) {
            throw new ConfigurationException("maxPayloadBytes must be between 1 and " + MAX_PAYLOAD_BYTES
                    + " (the most an envelope of 256 KiB can carry), got " + bytes);
        }
        this.maxPayloadBytes = bytes;
        return this;
    }

    /** Sets a provider-specific option, e.g. {@code option("quic.idle-timeout-ms", "30000")}. */
    public NodeBuilder option(String key, String value) {
        options.put(Objects.requireNonNull(key, "option key"), Objects.requireNonNull(value, "option value"));
        return this;
    }

    /** The configuration this builder would start a node with. */
    public NodeConfig config() {
        return new NodeConfig(dataDir, identitySeed, listen, bootstrap, transports, providers, serviceLoading,
                plugins, randomSeed, sendQueueCapacity, maxPayloadBytes, options);
    }

    /**
     * Starts the node.
     *
     * @throws NoProviderException    if no engine, crypto suite or transport could be started
     * @throws IdentityException      if the identity in the data directory is unusable
     * @throws ConfigurationException if a setting is invalid for the providers found
     */
    public TomNode start() {
        return Tom.engine(plugins).start(config());
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String what) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(what + " is invalid: " + e.getMessage(), e);
        }
    }
}
