package org.tomprotocol.cli.plugins;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.tomprotocol.api.PluginDescriptor;
import org.tomprotocol.api.Tom;
import org.tomprotocol.cli.output.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tom plugins [--json]}: every provider the engine finds, available or not, and where it came from. */
@Command(name = "plugins",
        mixinStandardHelpOptions = true,
        description = {
            "Lists every provider found on the module path and class path: the engine, crypto suites, "
                    + "transports, discovery, stores and anchors, with why any of them cannot be used here."
        })
public final class PluginsCommand implements Callable<Integer> {
    private final Supplier<List<PluginDescriptor>> plugins;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array with one object per provider.")
    private boolean json;

    /** The command as {@code tom} runs it: providers come from {@link Tom#plugins} with the plugin directories. */
    public PluginsCommand() {
        this.plugins = null;
    }

    PluginsCommand(Supplier<List<PluginDescriptor>> plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    private List<PluginDescriptor> found() {
        return plugins != null ? plugins.get()
                : Tom.plugins(PluginContext.source(spec.commandLine().getErr()));
    }

    @Override
    public Integer call() {
        List<PluginDescriptor> found = found();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, found);
        } else {
            PluginTable.print(out, found);
        }
        out.flush();
        return 0;
    }
}
