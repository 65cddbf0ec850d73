package org.tomprotocol.archtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The class files of the ToM production modules, imported from their jars only: test classes and the
 * violating fixtures of this module are never part of it.
 */
public final class ProductionClasses {
    private static final Map<String, JavaClasses> BY_MODULE = new ConcurrentHashMap<>();
    private static volatile JavaClasses all;

    private ProductionClasses() {
    }

    /** Every class of every ToM module found. */
    public static JavaClasses all() {
        JavaClasses classes = all;
        if (classes == null) {
            synchronized (ProductionClasses.class) {
                if (all == null) {
                    all = importFrom(ModuleJars.all().values());
                }
                classes = all;
            }
        }
        return classes;
    }

    /** The classes of one module. */
    public static JavaClasses of(ModuleJar module) {
        return BY_MODULE.computeIfAbsent(module.name(), name -> importFrom(List.of(module)));
    }

    /** Exactly the given classes, e.g. a violating fixture. */
    public static JavaClasses only(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static JavaClasses importFrom(Collection<ModuleJar> modules) {
        ClassFileImporter importer = new ClassFileImporter()
                .withImportOption(location -> !location.contains("module-info"))
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        List<Location> locations = modules.stream().map(ProductionClasses::location).toList();
        return importer.importLocations(locations);
    }

    private static Location location(ModuleJar module) {
        if (!module.isJar()) {
            return Location.of(module.location());
        }
        try (JarFile jar = new JarFile(module.location().toFile())) {
            return Location.of(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + module.location(), e);
        }
    }
}
