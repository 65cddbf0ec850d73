package org.tomprotocol.cli.extension;

import java.io.PrintWriter;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.cli.plugins.PluginContext;

/** The plugins this run of {@code tom} uses: the image's {@code plugins/} and every {@code --plugins DIR}. */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public final class CommandLinePlugins {
    private CommandLinePlugins() {
    }

    /** Where a command looks up providers; plugins that cannot load are reported on {@code warnings}. */
    public static PluginSource source(PrintWriter warnings) {
        return PluginContext.source(warnings);
    }
}
