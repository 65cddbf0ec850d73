package org.tomprotocol.api;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.tomprotocol.api.spi.EngineProvider;
import org.tomprotocol.api.spi.PluginSource;

/**
 * Entry point of ToM: {@code TomNode node = Tom.node().start();} starts a node with everything found on
 * the module path or class path, zero configuration needed.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class Tom {
    private Tom() {
    }

    /** A builder for a node; {@code Tom.node().start()} works with no further settings. */
    public static NodeBuilder node() {
        return new NodeBuilder();
    }

    /** Every provider found on the module path and class path, available or not. */
    public static List<PluginDescriptor> plugins() {
        return plugins(PluginSource.system());
    }

    /** Every provider found through {@code source}, available or not; empty when no engine is present. */
    public static List<PluginDescriptor> plugins(PluginSource source) {
        List<EngineProvider> engines = engines(source);
        return engines.isEmpty() ? List.of() : engines.get(0).plugins(source);
    }

    /**
     * Loads the node identity kept in {@code dataDir}, creating it if there is none.
     *
     * @throws IdentityException if the identity file is unusable (wrong size, readable by others)
     */
    public static IdentityInfo identity(Path dataDir) {
        return engine(PluginSource.system()).identity(dataDir);
    }

    /** The highest-priority available engine reachable through {@code source}. */
    static EngineProvider engine(PluginSource source) {
        List<EngineProvider> engines = engines(source);
        return engines.stream().filter(e -> e.availability().available()).findFirst()
                .orElseThrow(() -> new NoProviderException(engines.isEmpty()
                        ? "no ToM engine found: put tom-core (org.tomprotocol.core) on the module path or class path"
                        : "no usable ToM engine: " + engines.stream()
                                .map(e -> e.id() + " (" + e.availability().reason() + ")")
                                .collect(Collectors.joining(", "))));
    }

    private static List<EngineProvider> engines(PluginSource source) {
        ServiceLoader<EngineProvider> loader = source.layer()
                .map(layer -> ServiceLoader.load(layer, EngineProvider.class))
                .orElseGet(() -> ServiceLoader.load(EngineProvider.class, source.classLoader()));
        return loader.stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(EngineProvider::priority).reversed())
                .toList();
    }
}
