package org.tomprotocol.api;

import java.util.Objects;

/**
 * One provider found on the module path, class path or a plugin layer, as reported by {@link Tom#plugins()}.
 *
 * @param kind              what it provides: {@code engine}, {@code transport}, {@code discovery},
 *                          {@code crypto}, {@code store} or {@code anchor}
 * @param id                the provider's id, e.g. {@code quic}
 * @param version           its implementation version, or {@code "unknown"}
 * @param module            its module name, or {@code "unnamed"} on the class path
 * @param location          the jar, directory or runtime image it was loaded from
 * @param priority          higher wins when several providers of a kind compete
 * @param available         whether it can be used here
 * @param unavailableReason why not, when it cannot; empty otherwise
 * @param options           the options it reads
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record PluginDescriptor(String kind, String id, String version, String module, String location,
                               int priority, boolean available, String unavailableReason,
                               java.util.List<OptionSpec> options) {
    public PluginDescriptor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(unavailableReason, "unavailableReason");
        options = java.util.List.copyOf(options);
    }
}
