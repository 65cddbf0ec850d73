package org.tomprotocol.archtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One production module as built: a jar (or, when the reactor stops before packaging, a classes directory)
 * with its module descriptor.
 *
 * @param location  the jar or directory
 * @param reference the module as found by {@link java.lang.module.ModuleFinder}
 */
public record ModuleJar(Path location, ModuleReference reference) {
    private static final String SERVICES = "META-INF/services/";

    public String name() {
        return descriptor().name();
    }

    public ModuleDescriptor descriptor() {
        return reference.descriptor();
    }

    public boolean isJar() {
        return location.getFileName().toString().endsWith(".jar");
    }

    /** The {@code META-INF/services} files of the jar: service interface → provider class names. */
    public Map<String, Set<String>> serviceFiles() {
        Map<String, Set<String>> services = new TreeMap<>();
        try (ModuleReader reader = reference.open()) {
            List<String> files = reader.list()
                    .filter(name -> name.startsWith(SERVICES) && name.length() > SERVICES.length()
                            && !name.endsWith("/"))
                    .toList();
            for (String file : files) {
                try (InputStream in = reader.open(file).orElseThrow()) {
                    services.put(file.substring(SERVICES.length()), providerNames(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
        return services;
    }

    /** Provider class names in a services file: one per line, {@code #} starts a comment. */
    static Set<String> providerNames(InputStream in) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return name() + " (" + location + ")";
    }
}
