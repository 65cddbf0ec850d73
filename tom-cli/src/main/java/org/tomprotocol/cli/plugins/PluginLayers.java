package org.tomprotocol.cli.plugins;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tomprotocol.api.spi.PluginSource;

/**
 * Loads extra plugin jars from directories into a child {@link ModuleLayer}, so adding a jar adds a
 * provider. A jar that cannot be read, resolved or defined is reported and skipped; it never stops the CLI.
 * When the CLI itself runs on the class path (no named modules to resolve against), the jars join the class
 * path instead, through a child class loader, so the application's providers and the plugins' are both found.
 */
public final class PluginLayers {
    private PluginLayers() {
    }

    /** Where plugins come from: the layer if any jar loaded, else the application's own modules. */
    public static PluginSource load(List<Path> directories, PrintWriter warnings) {
        List<Path> jars = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                warnings.println("tom: cannot list plugin directory " + directory + ": " + e.getMessage());
            }
        }
        if (jars.isEmpty()) {
            return PluginSource.system();
        }
        if (!PluginLayers.class.getModule().isNamed()) {
            return onClassPath(jars, warnings);
        }
        List<Path> usable = new ArrayList<>();
        // a module tom already has, or a second jar of one module, would resolve silently to one copy and hide
        // the plugins built against the other: refuse it by name
        Set<String> inTom = ModuleLayer.boot().modules().stream().map(Module::getName).collect(Collectors.toSet());
        java.util.Map<String, Path> byModule = new java.util.HashMap<>();
        for (Path jar : jars) {
            String problem = problemWith(jar);
            String module = problem == null ? moduleName(jar) : null;
            if (module != null && inTom.contains(module)) {
                problem = "module " + module + " is already part of tom: a plugin must not bring its own copy "
                        + "(remove this jar)";
            } else if (module != null && byModule.containsKey(module)) {
                problem = "module " + module + " is also in " + byModule.get(module).getFileName()
                        + ": keep one of the two jars";
            }
            if (problem == null) {
                usable.add(jar);
                byModule.put(module, jar);
            } else {
                warnings.println("tom: skipping plugin " + jar.getFileName() + ": " + problem);
            }
        }
        ModuleLayer layer = defineLayer(usable, warnings);
        warnings.flush();
        return layer == null ? PluginSource.system() : PluginSource.of(layer);
    }

    private static PluginSource onClassPath(List<Path> jars, PrintWriter warnings) {
        List<java.net.URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                warnings.println("tom: skipping plugin " + jar.getFileName() + ": " + e.getMessage());
            }
        }
        warnings.flush();
        ClassLoader parent = PluginSource.system().classLoader();
        return new PluginSource(java.util.Optional.empty(),
                new java.net.URLClassLoader("tom-plugins", urls.toArray(java.net.URL[]::new), parent));
    }

    /** The name of the module in {@code jar}, which {@link #problemWith} found readable. */
    private static String moduleName(Path jar) {
        return ModuleFinder.of(jar).findAll().iterator().next().descriptor().name();
    }

    /** Why {@code jar} is not a readable module, or {@code null}. */
    private static String problemWith(Path jar) {
        try {
            Set<ModuleReference> modules = ModuleFinder.of(jar).findAll();
            return modules.isEmpty() ? "not a module" : null;
        } catch (FindException | SecurityException e) {
            return e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "");
        }
    }

    /** Defines the largest set of the jars that resolves, dropping (and reporting) the ones that break it. */
    private static ModuleLayer defineLayer(List<Path> jars, PrintWriter warnings) {
        List<Path> candidates = new ArrayList<>(jars);
        while (!candidates.isEmpty()) {
            try {
                return define(candidates);
            } catch (FindException | ResolutionException | LayerInstantiationException e) {
                Path culprit = culprit(candidates);
                warnings.println("tom: skipping plugin " + culprit.getFileName() + ": " + e.getMessage());
                candidates.remove(culprit);
            }
        }
        return null;
    }

    private static ModuleLayer define(List<Path> jars) {
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Set<String> roots = finder.findAll().stream().map(m -> m.descriptor().name()).collect(Collectors.toSet());
        ModuleLayer parent = ModuleLayer.boot();
        Configuration configuration = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(configuration, List.of(parent),
                ClassLoader.getSystemClassLoader());
        grantNativeAccess(controller);
        return controller.layer();
    }

    /**
     * Plugins are code the operator installed into the process, and native libraries are why many exist (libsodium,
     * WebRTC): grant them native access as the image grants its own modules, so the JVM neither warns nor, later,
     * refuses. {@code Controller.enableNativeAccess} is final from Java 22 (a preview API in 21, which this code
     * targets), hence the reflective call; on 21 plugins load without the grant, as before.
     */
    private static void grantNativeAccess(ModuleLayer.Controller controller) {
        java.lang.reflect.Method enable;
        try {
            enable = ModuleLayer.Controller.class.getMethod("enableNativeAccess", Module.class);
        } catch (NoSuchMethodException e) {
            return;
        }
        for (Module module : controller.layer().modules()) {
            try {
                enable.invoke(controller, module);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return;
            }
        }
    }

    /** The first jar whose removal lets the others resolve (or the last one, if no single removal does). */
    private static Path culprit(List<Path> jars) {
        for (Path jar : jars) {
            List<Path> others = new ArrayList<>(jars);
            others.remove(jar);
            try {
                if (!others.isEmpty()) {
                    define(others);
                }
                return jar;
            } catch (FindException | ResolutionException | LayerInstantiationException e) {
                // not this one
            }
        }
        return jars.get(jars.size() - 1);
    }
}
