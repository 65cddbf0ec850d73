package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.JavaProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./tom} at the repository root runs the CLI from tom-distribution/target/modules on the module path,
 * silently. Runs when the distribution has been packaged (always in {@code ./mvnw -B verify}, where
 * tom-distribution is built before this module).
 */
class LauncherTest {
    private static final Path ROOT = Path.of(System.getProperty("tom.root", "..")).toAbsolutePath().normalize();
    private static final Path MODULES = ROOT.resolve("tom-distribution/target/modules");

    @BeforeAll
    static void distributionIsBuilt() throws IOException {
        boolean built = Files.isDirectory(MODULES);
        if (built) {
            try (var jars = Files.list(MODULES)) {
                built = jars.anyMatch(jar -> jar.getFileName().toString().startsWith("tom-cli-"));
            }
        }
        assumeTrue(built, "tom-distribution is not packaged; run ./mvnw -B verify from the root");
    }

    private static JavaProcess.Result tom(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("tom").toString()));
        command.addAll(List.of(args));
        return JavaProcess.run(command, ROOT, Map.of("JAVA_HOME", System.getProperty("java.home")));
    }

    @Test
    void pluginsJsonIsValidJsonOnStdoutAndNothingOnStderr() throws IOException {
        JavaProcess.Result result = tom("plugins", "--json");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stderr()).as("%s", result).isEmpty();
        JsonNode plugins = new ObjectMapper().readTree(result.stdout());
        assertThat(plugins.isArray()).as("%s", result).isTrue();
        assertThat(plugins.valueStream().map(p -> p.get("kind").asText() + ":" + p.get("id").asText()))
                .contains("engine:tom-core");
    }

    @Test
    void pluginsTableNamesTheEngineModule() {
        JavaProcess.Result result = tom("plugins");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains("KIND", "engine", "tom-core", "org.tomprotocol.core");
    }

    @Test
    void aPluginJarDroppedIntoAPluginDirectoryIsListedAndABrokenOneIsSkipped(@org.junit.jupiter.api.io.TempDir Path plugins)
            throws IOException {
        Path memPlugin = org.tomprotocol.archtests.support.ModuleJars.require(
                org.tomprotocol.archtests.support.TomModule.TRANSPORT_MEM).location();
        Files.copy(memPlugin, plugins.resolve(memPlugin.getFileName()));
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");

        JavaProcess.Result result = tom("--plugins", plugins.toString(), "plugins", "--json");

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode found = new ObjectMapper().readTree(result.stdout());
        assertThat(found.valueStream().map(p -> p.get("kind").asText() + ":" + p.get("id").asText() + ":"
                + p.get("module").asText())).contains("transport:mem:org.tomprotocol.transport.mem");
        assertThat(result.stderr()).contains("skipping plugin broken.jar");
        assertThat(tom("plugins", "--json").stdout()).as("without the directory it is absent")
                .doesNotContain("org.tomprotocol.transport.mem");
    }

    @Test
    void versionAndUsageErrorsHaveMeaningfulExitCodes() {
        JavaProcess.Result version = tom("--version");
        JavaProcess.Result noCommand = tom();

        assertThat(version.exitCode()).as("%s", version).isZero();
        assertThat(version.stdout()).startsWith("tom ");
        assertThat(noCommand.exitCode()).as("%s", noCommand).isEqualTo(2);
        assertThat(noCommand.stderr()).contains("Usage: tom");
    }
}
