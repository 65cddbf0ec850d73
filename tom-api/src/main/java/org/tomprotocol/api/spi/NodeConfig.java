package org.tomprotocol.api.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;

/**
 * Everything a node is started with, as collected by {@code Tom.node()}. Immutable; the identity seed is
 * copied in and out and never printed.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class NodeConfig {
    private final Path dataDir;
    private final byte[] identitySeed;
    private final List<TransportAddress> listen;
    private final List<PeerAddress> bootstrap;
    private final Set<String> transports;
    private final List<Provider> providers;
    private final boolean serviceLoading;
    private final PluginSource plugins;
    private final OptionalLong randomSeed;
    private final int sendQueueCapacity;
    private final int maxPayloadBytes;
    private final Map<String, String> options;

    /**
     * @param dataDir           directory for the identity and durable state, or {@code null} for none
     * @param identitySeed      a 32-byte seed to derive the identity from, or {@code null}
     * @param listen            addresses to listen on; empty for each transport's default
     * @param bootstrap         nodes to join through
     * @param transports        ids of the transports to use; empty for every available one
     * @param providers         provider instances given explicitly
     * @param serviceLoading    whether to also look providers up with {@link java.util.ServiceLoader}
     * @param plugins           where to look providers up
     * @param randomSeed        seed of non-cryptographic choices, if reproducibility is wanted
     * @param sendQueueCapacity capacity of the send queue
     * @param maxPayloadBytes   largest application payload
     * @param options           provider-specific options
     */
    public NodeConfig(Path dataDir, byte[] identitySeed, List<TransportAddress> listen, List<PeerAddress> bootstrap,
                      Set<String> transports, List<Provider> providers, boolean serviceLoading,
                      PluginSource plugins, OptionalLong randomSeed, int sendQueueCapacity,
                      int maxPayloadBytes, Map<String, String> options) {
        this.dataDir = dataDir;
        this.identitySeed = identitySeed == null ? null : identitySeed.clone();
        this.listen = List.copyOf(listen);
        this.bootstrap = List.copyOf(bootstrap);
        this.transports = Set.copyOf(transports);
        this.providers = List.copyOf(providers);
        this.serviceLoading = serviceLoading;
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.randomSeed = Objects.requireNonNull(randomSeed, "randomSeed");
        this.sendQueueCapacity = sendQueueCapacity;
        this.maxPayloadBytes = maxPayloadBytes;
        this.options = Map.copyOf(options);
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** A copy of the identity seed, if one was given. */
    public Optional<byte[]> identitySeed() {
        return Optional.ofNullable(identitySeed).map(byte[]::clone);
    }

    public List<TransportAddress> listen() {
        return listen;
    }

    public List<PeerAddress> bootstrap() {
        return bootstrap;
    }

    public Set<String> transports() {
        return transports;
    }

    public List<Provider> providers() {
        return providers;
    }

    public boolean serviceLoading() {
        return serviceLoading;
    }

    public PluginSource plugins() {
        return plugins;
    }

    public OptionalLong randomSeed() {
        return randomSeed;
    }

    public int sendQueueCapacity() {
        return sendQueueCapacity;
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    public Map<String, String> options() {
        return options;
    }

    /** The option {@code key}, or {@code defaultValue}. */
    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }

    @Override
    public String toString() {
        return "NodeConfig[dataDir=" + dataDir + ", identitySeed=" + (identitySeed == null ? "none" : "(hidden)")
                + ", listen=" + listen + ", bootstrap=" + bootstrap + ", transports=" + transports
                + ", providers=" + providers.size()
                + ", options=" + options.keySet() + "]";
    }
}
