package org.tomprotocol.core.registry;

import java.lang.module.ModuleReference;
import java.net.URI;
import java.security.CodeSource;
import java.util.Optional;

/** Where a provider class came from: its module, version and jar or image location, for diagnostics. */
record ProviderOrigin(String module, String version, String location) {

    static ProviderOrigin of(Class<?> type) {
        Module module = type.getModule();
        String moduleName = module.isNamed() ? module.getName() : "unnamed";
        return new ProviderOrigin(moduleName, version(type, module), location(type, module));
    }

    private static String version(Class<?> type, Module module) {
        if (module.isNamed() && module.getDescriptor() != null) {
            Optional<String> raw = module.getDescriptor().rawVersion();
            if (raw.isPresent()) {
                return raw.get();
            }
        }
        String implementation = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return implementation != null ? implementation : "unknown";
    }

    private static String location(Class<?> type, Module module) {
        if (module.isNamed() && module.getLayer() != null) {
            Optional<URI> uri = module.getLayer().configuration().findModule(module.getName())
                    .map(resolved -> resolved.reference()).flatMap(ModuleReference::location);
            if (uri.isPresent()) {
                return uri.get().toString();
            }
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null ? source.getLocation().toString() : "unknown";
    }
}
