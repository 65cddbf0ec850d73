package org.tomprotocol.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.cli.TomCli;
import org.tomprotocol.spi.discovery.DiscoveryProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** Two jars that provide the same id: neither is used, {@code tom plugins} says why, and a node refuses to start. */
class DuplicateProviderIdTest {
    private static final String PROVIDER = """
            package %s;

            import java.util.Collection;
            import java.util.Set;
            import org.tomprotocol.api.NodeId;
            import org.tomprotocol.api.PeerAddress;
            import org.tomprotocol.spi.discovery.Discovery;
            import org.tomprotocol.spi.discovery.DiscoveryContext;
            import org.tomprotocol.spi.discovery.DiscoveryProvider;

            public final class Twin implements DiscoveryProvider {
                public String id() { return "twin"; }
                public Discovery create(DiscoveryContext context) { throw new IllegalStateException("unused"); }
            }
            """;

    @TempDir
    Path work;

    @AfterEach
    void forgetThePlugins() {
        PluginContext.reset();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run tom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TomCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private Path twoJarsWithTheSameId() throws Exception {
        Path plugins = work.resolve("plugins");
        TestPluginJar.build(work, plugins, "first-twin.jar", "first.Twin", PROVIDER.formatted("first"),
                DiscoveryProvider.class);
        TestPluginJar.build(work, plugins, "second-twin.jar", "second.Twin", PROVIDER.formatted("second"),
                DiscoveryProvider.class);
        return plugins;
    }

    @Test
    void pluginsReportsTheDuplicateNamingBothJars() throws Exception {
        Path plugins = twoJarsWithTheSameId();

        Run run = tom("--plugins", plugins.toString(), "plugins", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode twin = null;
        for (JsonNode plugin : new ObjectMapper().readTree(run.out())) {
            if (plugin.get("id").asText().equals("twin")) {
                twin = plugin;
            }
        }
        assertThat(twin).isNotNull();
        assertThat(twin.get("available").asBoolean()).isFalse();
        assertThat(twin.get("location").asText() + " " + twin.get("unavailableReason").asText())
                .contains("first-twin.jar", "second-twin.jar", "duplicate id");
    }

    @Test
    void aNodeRefusesToStartAndNamesBothJars() throws Exception {
        Path plugins = twoJarsWithTheSameId();

        Run run = tom("--plugins", plugins.toString(), "node", "--listen", "127.0.0.1:0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("first-twin.jar", "second-twin.jar", "'twin'", "remove one of the two jars");
    }
}
