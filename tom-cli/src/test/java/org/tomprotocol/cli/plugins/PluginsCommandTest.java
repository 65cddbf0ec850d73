package org.tomprotocol.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.OptionSpec;
import org.tomprotocol.api.PluginDescriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class PluginsCommandTest {
    private static final PluginDescriptor ENGINE = new PluginDescriptor("engine", "tom-core", "0.1.0",
            "org.tomprotocol.core", "file:///opt/tom/modules/tom-core.jar", 100, true, "", List.of());
    private static final PluginDescriptor QUIC = new PluginDescriptor("transport", "quic", "0.1.0",
            "org.tomprotocol.transport.quic", "file:///opt/tom/modules/tom-transport-quic.jar", 10, false,
            "native QUIC library not loadable", List.of(new OptionSpec("quic.idle-timeout-ms",
                    OptionSpec.Type.MILLISECONDS, "30000", "A connection that hears nothing this long is closed.")));

    private final StringWriter out = new StringWriter();

    private int run(Supplier<List<PluginDescriptor>> plugins, String... args) {
        CommandLine commandLine = new CommandLine(new PluginsCommand(plugins));
        commandLine.setOut(new PrintWriter(out));
        return commandLine.execute(args);
    }

    @Test
    void jsonListsEveryProviderWithExactlyTheDescriptorFields() throws Exception {
        assertThat(run(() -> List.of(ENGINE, QUIC), "--json")).isZero();

        JsonNode array = new ObjectMapper().readTree(out.toString());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        Set<String> recordFields = Arrays.stream(PluginDescriptor.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        for (JsonNode plugin : array) {
            Set<String> names = plugin.properties().stream().map(java.util.Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(names).isEqualTo(recordFields);
        }
        JsonNode quic = array.get(1);
        assertThat(quic.get("kind").asText()).isEqualTo("transport");
        assertThat(quic.get("id").asText()).isEqualTo("quic");
        assertThat(quic.get("priority").asInt()).isEqualTo(10);
        assertThat(quic.get("available").isBoolean()).isTrue();
        assertThat(quic.get("available").asBoolean()).isFalse();
        assertThat(quic.get("unavailableReason").asText()).isEqualTo("native QUIC library not loadable");
        assertThat(quic.get("location").asText()).isEqualTo("file:///opt/tom/modules/tom-transport-quic.jar");
        JsonNode option = quic.get("options").get(0);
        assertThat(option.get("key").asText()).isEqualTo("quic.idle-timeout-ms");
        assertThat(option.get("type").asText()).isEqualTo("MILLISECONDS");
        assertThat(option.get("defaultValue").asText()).isEqualTo("30000");
        assertThat(option.get("description").asText()).startsWith("A connection");
    }

    @Test
    void jsonOfNoProvidersIsAnEmptyArray() throws Exception {
        assertThat(run(List::of, "--json")).isZero();

        JsonNode array = new ObjectMapper().readTree(out.toString());
        assertThat(array.isArray()).isTrue();
        assertThat(array).isEmpty();
    }

    @Test
    void tableShowsOneAlignedRowPerProviderWithStatusAndPath() {
        assertThat(run(() -> List.of(ENGINE, QUIC))).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("KIND").contains("ID", "VERSION", "MODULE", "STATUS", "LOCATION");
        assertThat(lines.get(1)).contains("engine", "tom-core", "org.tomprotocol.core", "available",
                "/opt/tom/modules/tom-core.jar").doesNotContain("file:");
        assertThat(lines.get(2)).contains("transport", "quic", "unavailable: native QUIC library not loadable");
        int statusColumn = lines.get(0).indexOf("STATUS");
        assertThat(lines.get(1).indexOf("available")).isEqualTo(statusColumn);
        assertThat(lines.get(2).indexOf("unavailable")).isEqualTo(statusColumn);
    }

    @Test
    void tableSaysWhatToDoWhenNothingIsFound() {
        assertThat(run(List::of)).isZero();

        assertThat(out.toString().strip()).isEqualTo(PluginTable.NONE_FOUND);
    }

    @Test
    void locationsThatAreNotFilesAreShownAsGiven() {
        assertThat(PluginTable.readableLocation("jrt:/org.tomprotocol.core")).isEqualTo("jrt:/org.tomprotocol.core");
        assertThat(PluginTable.readableLocation("unknown")).isEqualTo("unknown");
        assertThat(PluginTable.readableLocation("file:///a/b.jar")).isEqualTo("/a/b.jar");
    }
}
