package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.JavaProcess;
import org.tomprotocol.archtests.support.TomImage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The swap-by-jar story for WebRTC, on the real image: without the plugin the image has no webrtc transport; with
 * the jars of {@code tom-distribution/target/plugins/webrtc/} copied into its {@code plugins/}, {@code tom plugins}
 * lists it available and a {@code tom node --web} answers a Chromium page's DataChannel offer. The jars are taken out
 * again afterwards.
 */
class WebRtcPluginDropInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean BROWSER_REQUIRED = "required".equals(System.getenv("TOM_BROWSER_TESTS"));
    private static final Path PLUGIN = TomImage.ROOT.resolve("tom-distribution/target/plugins/webrtc");
    private static final Path PLUGINS = TomImage.TOM.getParent().resolveSibling("plugins");
    private final List<Path> dropped = new ArrayList<>();

    @BeforeEach
    void imageAndPluginAreBuilt() {
        TomImage.assumeBuilt();
        assertThat(PLUGIN).as("the WebRTC plugin directory the distribution builds").isDirectory();
    }

    @AfterEach
    void takeThePluginOut() throws Exception {
        for (Path jar : dropped) {
            Files.deleteIfExists(jar);
        }
    }

    private static String plugins() {
        JavaProcess.Result listed = JavaProcess.run(TomImage.tom("plugins"), TomImage.ROOT, java.util.Map.of());
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        return listed.stdout();
    }

    @Test
    void droppingThePluginJarsTurnsWebRtcOnAndANodeAnswersABrowsersDataChannel() throws Exception {
        assertThat(plugins()).as("the default image").doesNotContain("webrtc");
        try (Stream<Path> jars = Files.list(PLUGIN)) {
            for (Path jar : jars.toList()) {
                dropped.add(Files.copy(jar, PLUGINS.resolve(jar.getFileName())));
            }
        }
        assertThat(plugins()).containsPattern("transport +webrtc +\\S+ +org\\.tomprotocol\\.transport\\.webrtc +available");

        Path chromium = Path.of(System.getenv().getOrDefault("TOM_CHROMIUM", "/usr/bin/chromium"));
        if (BROWSER_REQUIRED) {
            assertThat(chromium).as("Chromium for the browser tests: apt-get install chromium").isExecutable();
        }
        assumeTrue(Files.isExecutable(chromium), "no Chromium: the DataChannel part is skipped");
        Process node = new ProcessBuilder(TomImage.tom("node", "--json", "--web", "127.0.0.1:0"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process page = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String nodeId = null;
            String url = null;
            while (url == null) {
                String line = out.readLine();
                assertThat(line).as("tom node printed its web URL").isNotNull();
                JsonNode event = JSON.readTree(line);
                switch (event.get("event").asText()) {
                    case "started" -> nodeId = event.get("node_id").asText();
                    case "web" -> url = event.get("url").asText();
                    default -> { }
                }
            }
            page = new ProcessBuilder("node", "tools/chromium-page.js", url, "1")
                    .directory(TomImage.ROOT.resolve("tom-web").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            BufferedReader driver = new BufferedReader(new InputStreamReader(page.getInputStream(), StandardCharsets.UTF_8));
            assertThat(driver.readLine()).as("the page came online through the node").startsWith("ready ").endsWith(nodeId);
            try (Writer commands = new java.io.OutputStreamWriter(page.getOutputStream(), StandardCharsets.UTF_8)) {
                commands.write("direct 0 " + nodeId + "\n");
                commands.flush();
                assertThat(driver.readLine()).as("a DataChannel to the node").isEqualTo("direct 0 " + nodeId);
            }
        } finally {
            if (page != null) {
                page.destroy();
                page.waitFor(20, TimeUnit.SECONDS);
            }
            node.destroy();
            if (!node.waitFor(20, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }
}
