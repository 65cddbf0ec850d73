package org.tomprotocol.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.cli.extension.CommandExtension;
import org.tomprotocol.cli.plugins.PluginLayers;

/**
 * Finds the {@link CommandExtension}s of this run: those beside the command line (its module path or class
 * path) and those in the image's {@code lab/} directory ({@code tom.home}/lab), loaded like plugins into a
 * layer of their own. An extension that cannot load is reported and skipped; {@code tom} still runs.
 */
final class CommandExtensions {
    private CommandExtensions() {
    }

    /** The image's lab directory, if {@code bin/tom} said where the image is. */
    static List<Path> labDirectories() {
        String home = System.getProperty("tom.home");
        return home == null || home.isBlank() ? List.of() : List.of(Path.of(home, "lab"));
    }

    /** Every extension's commands, the first one of each class only (the lab may be both beside and in lab/). */
    static List<Object> commands(List<Path> labDirectories, PrintWriter warnings) {
        Map<String, Object> commands = new LinkedHashMap<>();
        List<ServiceLoader<CommandExtension>> loaders = new ArrayList<>();
        loaders.add(ServiceLoader.load(CommandExtension.class, CommandExtensions.class.getClassLoader()));
        PluginSource lab = PluginLayers.load(labDirectories, warnings);
        if (!lab.equals(PluginSource.system())) {
            loaders.add(lab.layer().map(layer -> ServiceLoader.load(layer, CommandExtension.class))
                    .orElseGet(() -> ServiceLoader.load(CommandExtension.class, lab.classLoader())));
        }
        for (ServiceLoader<CommandExtension> loader : loaders) {
            try {
                for (CommandExtension extension : loader) {
                    extension.commands().forEach(command -> commands.putIfAbsent(command.getClass().getName(), command));
                }
            } catch (ServiceConfigurationError | RuntimeException e) {
                warnings.println("tom: skipping a command extension: " + e.getMessage());
            }
        }
        warnings.flush();
        return List.copyOf(commands.values());
    }
}
