package org.tomprotocol.cli.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.Tom;

import picocli.CommandLine.Option;

/** The options every command that starts a node shares. */
public final class NodeOptions {
    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Address to listen on, e.g. 0.0.0.0:7400 (default: every interface, a free port).")
    List<String> listen = new ArrayList<>();

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
        providerOptions.forEach(builder::option);
        if (name != null && !name.isBlank()) {
            builder.option("node.name", name);
        }
        return builder;
    }

    public List<String> bootstrap() {
        return bootstrap;
    }
}
