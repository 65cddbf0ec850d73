package org.tomprotocol.cli.plugins;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.List;

import org.tomprotocol.api.PluginDescriptor;
import org.tomprotocol.cli.output.TextTable;

/** The human-readable form of {@code tom plugins}: one row per provider. */
final class PluginTable {
    static final String NONE_FOUND = "No providers found: put tom-core (org.tomprotocol.core) and plugin jars "
            + "on the module path or class path.";

    private PluginTable() {
    }

    static void print(PrintWriter out, List<PluginDescriptor> plugins) {
        if (plugins.isEmpty()) {
            out.println(NONE_FOUND);
            return;
        }
        TextTable table = new TextTable("KIND", "ID", "VERSION", "MODULE", "STATUS", "LOCATION");
        for (PluginDescriptor plugin : plugins) {
            table.row(plugin.kind(), plugin.id(), plugin.version(), plugin.module(), status(plugin),
                    readableLocation(plugin.location()));
        }
        table.print(out);
    }

    static String status(PluginDescriptor plugin) {
        return plugin.available() ? "available" : "unavailable: " + plugin.unavailableReason();
    }

    /** A {@code file:} URI as a plain path; anything else ({@code jrt:}, {@code unknown}) as given. */
    static String readableLocation(String location) {
        if (location.startsWith("file:")) {
            try {
                return Path.of(URI.create(location)).toString();
            } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                return location;
            }
        }
        return location;
    }
}
