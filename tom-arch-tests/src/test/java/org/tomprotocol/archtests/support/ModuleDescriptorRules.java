package org.tomprotocol.archtests.support;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Rules read from module descriptors; each returns its violations, one sentence each, empty when none. */
public final class ModuleDescriptorRules {
    private ModuleDescriptorRules() {
    }

    /**
     * Only the allowed packages are exported (to anyone), the module is not open, and nothing is opened to
     * everyone: implementation packages stay reachable through {@code ServiceLoader} alone.
     */
    public static List<String> exportViolations(ModuleDescriptor descriptor, Set<String> allowedExports) {
        List<String> violations = new ArrayList<>();
        if (descriptor.isOpen()) {
            violations.add("module " + descriptor.name() + " is an open module: open single packages to "
                    + "the modules that need them instead");
        }
        for (ModuleDescriptor.Exports exports : descriptor.exports()) {
            if (!allowedExports.contains(exports.source())) {
                violations.add("module " + descriptor.name() + " exports implementation package " + exports.source()
                        + (exports.isQualified() ? " to " + exports.targets() : "")
                        + "; it may export only " + (allowedExports.isEmpty() ? "nothing" : new TreeSet<>(allowedExports)));
            }
        }
        for (ModuleDescriptor.Opens opens : descriptor.opens()) {
            if (!opens.isQualified()) {
                violations.add("module " + descriptor.name() + " opens " + opens.source()
                        + " to every module; name the modules that need it (e.g. info.picocli)");
            }
        }
        return violations;
    }

    /**
     * The module's {@code provides} clauses and its {@code META-INF/services} files declare the same
     * providers, so it works the same on the module path and on the class path.
     */
    public static List<String> serviceDeclarationMismatches(ModuleDescriptor descriptor,
                                                            Map<String, Set<String>> serviceFiles) {
        Map<String, Set<String>> provided = new TreeMap<>();
        for (ModuleDescriptor.Provides provides : descriptor.provides()) {
            provided.put(provides.service(), new TreeSet<>(provides.providers()));
        }
        Set<String> services = new TreeSet<>(provided.keySet());
        services.addAll(serviceFiles.keySet());
        List<String> mismatches = new ArrayList<>();
        for (String service : services) {
            Set<String> inDescriptor = provided.getOrDefault(service, Set.of());
            Set<String> inFile = serviceFiles.getOrDefault(service, Set.of());
            if (!inDescriptor.equals(inFile)) {
                mismatches.add("module " + descriptor.name() + " declares providers of " + service
                        + " differently: provides " + inDescriptor + " but META-INF/services/" + service + " lists "
                        + inFile);
            }
        }
        return mismatches;
    }

    /** Every package of the module is the module name or starts with it and a dot. */
    public static List<String> packagePrefixViolations(ModuleDescriptor descriptor) {
        String name = descriptor.name();
        return descriptor.packages().stream().sorted()
                .filter(pkg -> !pkg.equals(name) && !pkg.startsWith(name + "."))
                .map(pkg -> "module " + name + " contains package " + pkg + ", outside " + name)
                .toList();
    }
}
