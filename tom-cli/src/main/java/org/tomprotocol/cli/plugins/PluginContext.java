package org.tomprotocol.cli.plugins;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomprotocol.api.spi.PluginSource;

/**
 * The plugin directories of this run — the image's {@code plugins/} directory (found through the
 * {@code tom.home} system property that {@code bin/tom} sets) plus every {@code --plugins DIR} — and the
 * plugin source built from them, once, on first use.
 */
public final class PluginContext {
    private static final List<Path> DIRECTORIES = new ArrayList<>();
    private static PluginSource source;

    private PluginContext() {
    }

    /** Adds a directory given with {@code --plugins}. */
    public static synchronized void addDirectory(Path directory) {
        DIRECTORIES.add(directory);
        source = null;
    }

    /** The directories searched: the image's own first. */
    public static synchronized List<Path> directories() {
        List<Path> all = new ArrayList<>();
        String home = System.getProperty("tom.home");
        if (home != null && !home.isBlank()) {
            all.add(Path.of(home, "plugins"));
        }
        all.addAll(DIRECTORIES);
        return all;
    }

    /** Where providers are looked up; broken plugins are reported on {@code warnings} and skipped. */
    public static synchronized PluginSource source(PrintWriter warnings) {
        if (source == null) {
            source = PluginLayers.load(directories(), warnings);
        }
        return source;
    }

    /** Forgets everything (tests). */
    static synchronized void reset() {
        DIRECTORIES.clear();
        source = null;
    }
}
