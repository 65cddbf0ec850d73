package org.tomprotocol.api.spi;

import java.util.Objects;
import java.util.Optional;

import org.tomprotocol.api.Api;

/**
 * Where providers are looked up: a module layer (e.g. one built from a plugin directory, which also sees
 * its parent layers) or a class loader (module path and class path).
 *
 * @param layer       the layer to search, if any
 * @param classLoader the class loader to search when there is no layer
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record PluginSource(Optional<ModuleLayer> layer, ClassLoader classLoader) {
    public PluginSource {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(classLoader, "classLoader");
    }

    /** The module path and class path of the running application. */
    public static PluginSource system() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return new PluginSource(Optional.empty(), context != null ? context : ClassLoader.getSystemClassLoader());
    }

    /** A module layer and its parents. */
    public static PluginSource of(ModuleLayer layer) {
        Objects.requireNonNull(layer, "layer");
        ClassLoader loader = layer.modules().stream().findFirst().map(Module::getClassLoader)
                .orElse(ClassLoader.getSystemClassLoader());
        return new PluginSource(Optional.of(layer), loader != null ? loader : ClassLoader.getSystemClassLoader());
    }
}
