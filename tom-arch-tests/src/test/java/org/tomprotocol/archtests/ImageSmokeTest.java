package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.JavaProcess;
import org.tomprotocol.archtests.support.ModuleJars;
import org.tomprotocol.archtests.support.TomModule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The jlink image as a user runs it ({@code tom-distribution/target/image/bin/tom}): the demo delivers every
 * message without a word on stderr, and a provider jar dropped into the image's {@code plugins/} directory is
 * listed and used by a node. Runs when the image has been built (always in {@code ./mvnw -B verify}).
 */
class ImageSmokeTest {
    private static final Path ROOT = Path.of(System.getProperty("tom.root", "..")).toAbsolutePath().normalize();
    private static final Path IMAGE = ROOT.resolve("tom-distribution/target/image");
    private static final Path TOM = IMAGE.resolve("bin/tom");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void imageIsBuilt() {
        assumeTrue(Files.isExecutable(TOM), "the image is not built; run ./mvnw -B verify from the root");
    }

    private static JavaProcess.Result tom(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(TOM.toString()));
        command.addAll(List.of(args));
        // the image brings its own runtime: no JAVA_HOME must be needed
        return JavaProcess.run(command, ROOT, Map.of("JAVA_HOME", "/nonexistent"));
    }

    @Test
    void theDemoDeliversEveryMessageAndPrintsNothingOnStderr() throws IOException {
        JavaProcess.Result demo = tom("demo", "--json");

        assertThat(demo.exitCode()).as("%s", demo).isZero();
        assertThat(demo.stderr()).as("%s", demo).isEmpty();
        JsonNode report = JSON.readTree(demo.stdout());
        assertThat(report.at("/summary/all_delivered").asBoolean()).as("%s", demo).isTrue();
        assertThat(report.at("/summary/failed").asInt()).isZero();
        assertThat(report.at("/summary/delivered").asInt()).isEqualTo(report.at("/summary/messages").asInt())
                .isPositive();
    }

    @Test
    void theLauncherStartsFromTheAheadOfTimeCacheTheBuildTrained() {
        // the build trains the cache through bin/tom; the JVM runs without it, silently, if the launcher's options
        // stop matching those it was trained with
        assertThat(aheadOfTimeLog("")).contains("Using AOT-linked classes: true");
        // the check sees it when they do
        assertThat(aheadOfTimeLog("-XX:+UseCompactObjectHeaders")).contains("Unable to use AOT cache")
                .doesNotContain("Using AOT-linked classes: true");
    }

    /** What the JVM logs about the AOT cache when {@code bin/tom --version} runs with {@code options} added. */
    private static String aheadOfTimeLog(String options) {
        JavaProcess.Result version = JavaProcess.run(List.of(TOM.toString(), "--version"), ROOT,
                Map.of("JAVA_HOME", "/nonexistent", "TOM_JAVA_OPTS", (options + " -Xlog:aot=info").trim()));
        assertThat(version.exitCode()).as("%s", version).isZero();
        return version.stdout() + version.stderr();
    }

    @Test
    void theTestKitStaysOutOfTheRuntimeModulesAndTheLabDirectoryBringsSimAndBench() throws IOException {
        JavaProcess.Result modules = JavaProcess.run(List.of(IMAGE.resolve("bin/java").toString(), "--list-modules"),
                ROOT, Map.of());
        assertThat(modules.stdout()).as("%s", modules).contains("org.tomprotocol.cli@", "org.tomprotocol.core@")
                .doesNotContain("org.tomprotocol.testkit", "org.tomprotocol.lab");
        try (var lab = Files.list(IMAGE.resolve("lab"))) {
            assertThat(lab.map(jar -> jar.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("tom-lab-")).anyMatch(name -> name.startsWith("tom-testkit-"));
        }

        JavaProcess.Result sim = tom("sim", "--nodes", "8", "--messages", "40", "--json");

        assertThat(sim.exitCode()).as("%s", sim).isZero();
        assertThat(sim.stderr()).as("%s", sim).isEmpty();
        JsonNode report = JSON.readTree(sim.stdout());
        assertThat(report.get("delivered").asInt()).as("%s", sim).isEqualTo(40);
    }

    @Test
    void theSqliteStoreIsARuntimeModuleListedAvailableWithoutAWordOnStderr() throws IOException {
        JavaProcess.Result plugins = tom("plugins", "--json");

        assertThat(plugins.exitCode()).as("%s", plugins).isZero();
        assertThat(plugins.stderr()).as("its native library loads with native access granted: %s", plugins).isEmpty();
        assertThat(JSON.readTree(plugins.stdout()).valueStream()
                .map(p -> p.get("kind").asText() + ":" + p.get("id").asText() + ":" + p.get("available").asBoolean()))
                .contains("store:sqlite:true");
    }

    @Test
    void theLibsodiumSuiteShipsAsAPluginJarAndDeletingItFallsBackToBouncyCastle() throws IOException {
        Path sodium;
        try (var plugins = Files.list(IMAGE.resolve("plugins"))) {
            sodium = plugins.filter(jar -> jar.getFileName().toString().startsWith("tom-crypto-sodium-")).findFirst()
                    .orElseThrow(() -> new AssertionError("plugins/ lacks the tom-crypto-sodium jar"));
        }
        assertThat(cryptoProviders(tom("plugins", "--json"))).containsExactly("tom-v1-sodium:150:true", "tom-v1:100:true");

        Path aside = Files.createTempDirectory("tom-sodium-aside").resolve(sodium.getFileName());
        Files.move(sodium, aside);
        try {
            JavaProcess.Result without = tom("plugins", "--json");
            assertThat(without.stderr()).as("%s", without).isEmpty();
            assertThat(cryptoProviders(without)).containsExactly("tom-v1:100:true");
            JavaProcess.Result demo = tom("demo", "--json");
            assertThat(JSON.readTree(demo.stdout()).at("/summary/all_delivered").asBoolean()).as("%s", demo).isTrue();
        } finally {
            Files.move(aside, sodium);
            Files.delete(aside.getParent());
        }
    }

    private static List<String> cryptoProviders(JavaProcess.Result plugins) throws IOException {
        return JSON.readTree(plugins.stdout()).valueStream().filter(p -> p.get("kind").asText().equals("crypto"))
                .map(p -> p.get("id").asText() + ":" + p.get("priority").asInt() + ":" + p.get("available").asBoolean())
                .toList();
    }

    @Test
    void aProviderJarDroppedIntoPluginsWithTheJarItNeedsIsListedAndANodeListensWithIt() throws Exception {
        Path memPlugin = ModuleJars.require(TomModule.TRANSPORT_MEM).location();
        // the mem transport runs on the test kit, which the image leaves out: the plugin brings it along
        Path testKit = ModuleJars.require(TomModule.TESTKIT).location();
        Path dropped = IMAGE.resolve("plugins").resolve(memPlugin.getFileName());
        Path droppedTestKit = IMAGE.resolve("plugins").resolve(testKit.getFileName());
        Path droppedSpi = IMAGE.resolve("plugins").resolve("a-copy-of-tom-spi.jar");
        Path droppedTwin = IMAGE.resolve("plugins").resolve("z-twin-of-the-mem-plugin.jar");
        assertThat(tom("plugins", "--json").stdout()).as("the image leaves the mem transport out")
                .doesNotContain("org.tomprotocol.transport.mem");
        Files.copy(memPlugin, dropped);
        try {
            JavaProcess.Result alone = tom("plugins", "--json");
            assertThat(alone.stderr()).as("a plugin without its dependency is reported, not loaded")
                    .contains("skipping plugin " + memPlugin.getFileName(), "org.tomprotocol.testkit");

            Files.copy(testKit, droppedTestKit);
            // a copy of a module the image has, and a second jar of the plugin's module, are refused by name
            Files.copy(ModuleJars.require(TomModule.SPI).location(), droppedSpi);
            Files.copy(memPlugin, droppedTwin);
            JavaProcess.Result plugins = tom("plugins", "--json");
            assertThat(plugins.exitCode()).as("%s", plugins).isZero();
            assertThat(plugins.stderr()).contains("skipping plugin " + droppedSpi.getFileName()
                    + ": module org.tomprotocol.spi is already part of tom", "skipping plugin "
                    + droppedTwin.getFileName() + ": module org.tomprotocol.transport.mem is also in ");
            assertThat(JSON.readTree(plugins.stdout()).valueStream()
                    .map(p -> p.get("kind").asText() + ":" + p.get("id").asText() + ":" + p.get("available").asBoolean()))
                    .contains("transport:mem:true");

            assertThat(firstLineOfNode("--listen", "mem:smoke", "--json")).contains("\"started\"", "mem:smoke");
        } finally {
            Files.deleteIfExists(dropped);
            Files.deleteIfExists(droppedTestKit);
            Files.deleteIfExists(droppedSpi);
            Files.deleteIfExists(droppedTwin);
        }
    }

    @Test
    void aNodeServesItsMetricsForPrometheusAndLogsJsonLinesWhenAsked() throws Exception {
        Path stderr = Files.createTempFile("tom-node", ".log");
        withNode(stderr, "metrics", url -> {
            java.net.HttpURLConnection scrape = (java.net.HttpURLConnection) java.net.URI.create(url).toURL()
                    .openConnection();
            String metrics = new String(scrape.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(scrape.getResponseCode()).isEqualTo(200);
            assertThat(metrics).contains("# TYPE tom_crypto_seconds histogram",
                    "tom_crypto_seconds_bucket{operation=\"sign\",le=\"+Inf\"}", "tom_queue_depth{queue=\"network\"}",
                    "tom_peers{state=\"online\"} 0");
        }, "--metrics", "127.0.0.1:0", "--log-format", "json");
        List<String> log = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        Files.delete(stderr);
        assertThat(log).as("debug records of the node's start").isNotEmpty();
        for (String line : log) {
            assertThat(JSON.readTree(line).has("message")).as(line).isTrue();
        }
    }

    @Test
    void aNodeWithTheWebOptionServesTheImagesChatPageAndItsScript() throws Exception {
        Path stderr = Files.createTempFile("tom-node", ".log");
        withNode(stderr, "web", url -> {
            String page = get(url);
            assertThat(page).contains("<script type=\"module\" src=\"tom-page.js\">");
            assertThat(get(url + "tom-page.js")).as("the bundled browser node").contains("tom-ws-v1");
        }, "--web", "127.0.0.1:0");
        Files.delete(stderr);
    }

    private static String get(String url) throws IOException {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(url).toURL()
                .openConnection();
        assertThat(connection.getResponseCode()).as(url).isEqualTo(200);
        return new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private interface UrlCheck {
        void check(String url) throws Exception;
    }

    /** Runs {@code tom node --json options…} until it prints {@code event} with a URL, checks that URL, stops it. */
    private static void withNode(Path stderr, String event, UrlCheck check, String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(TOM.toString(), "node", "--listen", "127.0.0.1:0",
                "--json"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TOM_LOG_LEVEL", "FINE");
        Process node = builder.redirectError(stderr.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String url = null;
            String line;
            while (url == null && (line = out.readLine()) != null) {
                JsonNode printed = JSON.readTree(line);
                if (printed.get("event").asText().equals(event)) {
                    url = printed.get("url").asText();
                }
            }
            assertThat(url).as("tom node printed the %s URL", event).isNotNull();
            check.check(url);
        } finally {
            node.destroy();
            if (!node.waitFor(20, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    /** Starts {@code tom node}, reads its first line of output, and stops it. */
    private static String firstLineOfNode(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(TOM.toString(), "node"));
        command.addAll(List.of(options));
        Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("tom node printed nothing").isNotNull();
            return line;
        } finally {
            node.destroy();
            if (!node.waitFor(20, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }
}
