package org.tomprotocol.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class TomCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int tom(String... args) {
        CommandLine commandLine = TomCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void helpListsEveryRegisteredCommand() {
        assertThat(tom("--help")).isZero();

        assertThat(out.toString()).contains("Usage: tom", "Commands:", "plugins", "--version");
        for (Class<?> subcommand : TomCli.SUBCOMMANDS) {
            String name = subcommand.getAnnotation(CommandLine.Command.class).name();
            assertThat(out.toString()).contains(name);
        }
    }

    @Test
    void versionNamesTheCliAndTheJavaRuntime() {
        assertThat(tom("--version")).isZero();

        assertThat(out.toString()).startsWith("tom ").contains("Java " + Runtime.version().feature());
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(tom()).isEqualTo(2);

        assertThat(err.toString()).contains("Missing required command", "Usage: tom");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertThat(tom("frobnicate")).isEqualTo(2);
        assertThat(tom("plugins", "--xml")).isEqualTo(2);

        assertThat(err.toString()).contains("frobnicate", "--xml");
    }

    @Test
    void pluginsReportsTheProvidersFoundByTheApi() throws Exception {
        // tom-core and tom-crypto are runtime dependencies of the CLI, so they are on this test's class path.
        assertThat(tom("plugins", "--json")).isZero();

        JsonNode array = new ObjectMapper().readTree(out.toString());
        List<String> found = array.valueStream().map(p -> p.get("kind").asText() + ":" + p.get("id").asText())
                .toList();
        assertThat(found).contains("engine:tom-core", "crypto:tom-v1");
    }

    @Test
    void aNamedBuiltInCommandIsBuiltAloneWithTheSameOptionsAndTheRestIsBuiltOtherwise() {
        PrintWriter warnings = new PrintWriter(err);
        CommandLine node = TomCli.commandLineFor(new String[] {"--plugins", "/nowhere", "node", "--help"}, warnings);
        assertThat(node.getSubcommands()).containsOnlyKeys("node");
        assertThat(node.getSubcommands().get("node").getCommandSpec().options())
                .extracting(CommandLine.Model.OptionSpec::longestName)
                .isEqualTo(TomCli.commandLine().getSubcommands().get("node").getCommandSpec().options().stream()
                        .map(CommandLine.Model.OptionSpec::longestName).toList());
        assertThat(TomCli.commandLineFor(new String[] {"--log-format", "json", "id"}, warnings).getSubcommands())
                .containsOnlyKeys("id");

        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"sim", "relays"},
                new String[] {"frobnicate"}, new String[] {"--plugins", "node"})) {
            assertThat(TomCli.commandLineFor(args, warnings).getSubcommands()).as("%s", List.of(args))
                    .containsKeys("node", "id", "demo", "plugins", "send", "chat", "stress");
        }
    }

    @Test
    void aNamedCommandRunsAsItDoesAmongAllOfThem() {
        CommandLine alone = TomCli.commandLineFor(new String[] {"plugins", "--xml"}, new PrintWriter(err));
        alone.setErr(new PrintWriter(err));

        assertThat(alone.execute("plugins", "--xml")).isEqualTo(2);
        assertThat(err.toString()).contains("--xml");
    }
}
