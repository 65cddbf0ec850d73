package org.tomprotocol.archtests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;

/**
 * The ToM production modules on this test's class path, found by their module descriptors. They come from
 * the reactor when the whole build runs and from the local repository when this module is built alone, so
 * nothing here depends on a path.
 */
public final class ModuleJars {
    private static final String PREFIX = "org.tomprotocol.";
    private static final Map<String, ModuleJar> FOUND = Collections.unmodifiableMap(scan(classPath()));

    private ModuleJars() {
    }

    /** Every ToM module found, by module name. */
    public static Map<String, ModuleJar> all() {
        return FOUND;
    }

    /** The module named {@code moduleName}, if its jar is on the class path. */
    public static Optional<ModuleJar> find(String moduleName) {
        return Optional.ofNullable(FOUND.get(moduleName));
    }

    /** The module of {@code module}; fails naming the missing dependency when its jar is absent. */
    public static ModuleJar require(TomModule module) {
        return find(module.moduleName()).orElseThrow(() -> new AssertionError("no jar of module "
                + module.moduleName() + " on the test class path: add its dependency to tom-arch-tests/pom.xml"));
    }

    /** The entries of the class path this JVM runs with. */
    public static List<Path> classPath() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }

    /** The ToM modules among {@code entries}. */
    public static Map<String, ModuleJar> scan(List<Path> entries) {
        Map<String, ModuleJar> found = new TreeMap<>();
        for (Path entry : entries) {
            if (!hasModuleDescriptor(entry)) {
                continue;
            }
            try {
                for (ModuleReference reference : ModuleFinder.of(entry).findAll()) {
                    if (reference.descriptor().name().startsWith(PREFIX)) {
                        found.put(reference.descriptor().name(), new ModuleJar(entry, reference));
                    }
                }
            } catch (FindException e) {
                throw new AssertionError("unreadable module descriptor in " + entry, e);
            }
        }
        return found;
    }

    private static boolean hasModuleDescriptor(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.isRegularFile(entry.resolve("module-info.class"));
        }
        if (!Files.isRegularFile(entry) || !entry.getFileName().toString().endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.getEntry("module-info.class") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + entry, e);
        }
    }
}
