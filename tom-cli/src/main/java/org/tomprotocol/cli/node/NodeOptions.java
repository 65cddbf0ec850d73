package org.tomprotocol.cli.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.Tom;

import picocli.CommandLine.Option;

/** The options every command that starts a node shares. */
public final class NodeOptions {
    private static final String PAGE_DIRECTORY_OPTION = "web.page-dir";

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Address to listen on, e.g. 0.0.0.0:7400 (default: every interface, a free port).")
    List<String> listen = new ArrayList<>();

    @Option(names = "--web", paramLabel = "HOST:PORT",
            description = "Serve the chat page for browsers at http://HOST:PORT/ and take browser nodes on its "
                    + "WebSocket, e.g. 127.0.0.1:8080 (port 0: any free port; off by default). Prints a 'web' line "
                    + "with the page's URL.")
    String web;

    @Option(names = "--bootstrap", paramLabel = "NODEID@HOST:PORT",
            description = "A node to join the network through (repeatable).")
    List<String> bootstrap = new ArrayList<>();

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the node identity here (default: a fresh identity for this run only).")
    Path dataDir;

    @Option(names = "--name", description = "A display name announced to other nodes.")
    String name;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "A provider option, e.g. quic.punch-window-ms=2000 (repeatable).")
    java.util.Map<String, String> providerOptions = new java.util.LinkedHashMap<>();

    /** A builder configured from these options; invalid values throw a ConfigurationException naming them. */
    public NodeBuilder builder(java.io.PrintWriter warnings) {
        NodeBuilder builder = Tom.node().plugins(org.tomprotocol.cli.plugins.PluginContext.source(warnings));
        listen.forEach(builder::listen);
        bootstrap.forEach(builder::bootstrap);
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        if (web != null) {
            builder.listen("ws:" + web);
            pageOfTheImage().filter(page -> !providerOptions.containsKey(PAGE_DIRECTORY_OPTION))
                    .ifPresent(page -> builder.option(PAGE_DIRECTORY_OPTION, page.toString()));
        }
        providerOptions.forEach(builder::option);
        if (name != null && !name.isBlank()) {
            builder.option("node.name", name);
        }
        return builder;
    }

    /** The chat page the image ships in its web/ directory (the launcher sets tom.home), if this run has one. */
    private static java.util.Optional<Path> pageOfTheImage() {
        String home = System.getProperty("tom.home");
        return home == null ? java.util.Optional.empty()
                : java.util.Optional.of(Path.of(home, "web")).filter(java.nio.file.Files::isDirectory);
    }

    public List<String> bootstrap() {
        return bootstrap;
    }
}
