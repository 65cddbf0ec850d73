package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.archtests.support.InstalledArtifacts;
import org.tomprotocol.archtests.support.JavaProcess;
import org.tomprotocol.archtests.support.TomModule;
import org.tomprotocol.archtests.support.TomNodeProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plugin built the way a stranger builds one: {@code examples/static-peers-discovery} is a Maven project of its
 * own, outside this build, that depends on the ToM artifacts this build installed in the local Maven repository.
 * It is built with the wrapper (its tests, the discovery TCK among them, run on the way), its jar is dropped into the
 * {@code plugins/} directory of a copy of the image, and real {@code bin/tom node} processes find each other
 * through it alone: no {@code --bootstrap}, and gossip is installed but outranked. Needs {@code ./mvnw install}
 * (the README's test command): without this build's artifacts installed it fails and says so.
 */
class ExternalPluginExampleTest {
    private static final Path ROOT = Path.of(System.getProperty("tom.root", "..")).toAbsolutePath().normalize();
    private static final Path EXAMPLE = ROOT.resolve("examples/static-peers-discovery");
    private static final Path IMAGE = ROOT.resolve("tom-distribution/target/image");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** What the example depends on, directly or through the TCK. */
    private static final Map<String, TomModule> NEEDED = new LinkedHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        NEEDED.put("tom-api", TomModule.API);
        NEEDED.put("tom-spi", TomModule.SPI);
        NEEDED.put("tom-tck", TomModule.TCK);
        NEEDED.put("tom-core", TomModule.CORE);
        NEEDED.put("tom-crypto", TomModule.CRYPTO);
        NEEDED.put("tom-testkit", TomModule.TESTKIT);
    }

    @TempDir
    static Path work;
    private static Path tom;

    @BeforeAll
    static void buildTheExampleAndDropItIntoACopyOfTheImage() throws IOException, InterruptedException {
        List<String> problems = InstalledArtifacts.problems(InstalledArtifacts.localRepository(),
                InstalledArtifacts.version(), NEEDED);
        assertThat(problems).as("the example builds against this build's installed artifacts; run ./mvnw install "
                + "(the README's test command) first").isEmpty();
        assertThat(IMAGE.resolve("bin/tom")).as("the image; run ./mvnw install").isExecutable();

        Path jar = buildExample();
        Path image = work.resolve("image");
        copyTree(IMAGE, image);
        Files.copy(jar, image.resolve("plugins").resolve(jar.getFileName()));
        tom = image.resolve("bin/tom");
    }

    /** {@code ./mvnw -B -q -f examples/static-peers-discovery/pom.xml package}, with this build's repository. */
    private static Path buildExample() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-q",
                "-f", ROOT.relativize(EXAMPLE.resolve("pom.xml")).toString(),
                "-Dmaven.repo.local=" + InstalledArtifacts.localRepository(), "clean", "package"));
        if (System.getProperty("tom.mavenSettings", "").contains("offline=true")) {
            command.add(1, "-o");
        }
        Path log = work.resolve("example-build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the JDK running these tests builds the example too
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = builder.start();
        boolean finished = build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            build.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished && build.exitValue() == 0).as("%s\n%s", String.join(" ", command), output).isTrue();
        try (Stream<Path> built = Files.list(EXAMPLE.resolve("target"))) {
            return built.filter(p -> p.getFileName().toString().matches("static-peers-discovery-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("the example build made no jar\n" + output));
        }
    }

    @Test
    void tomPluginsListsTheExamplesDiscoveryWithItsOptionsAboveGossip() throws IOException {
        JavaProcess.Result plugins = run(tom, "plugins", "--json");

        assertThat(plugins.exitCode()).as("%s", plugins).isZero();
        assertThat(plugins.stderr()).as("%s", plugins).isEmpty();
        Map<String, JsonNode> discoveries = new LinkedHashMap<>();
        JSON.readTree(plugins.stdout()).forEach(p -> {
            if (p.get("kind").asText().equals("discovery")) {
                discoveries.put(p.get("id").asText(), p);
            }
        });
        assertThat(discoveries).containsOnlyKeys("static", "gossip");
        JsonNode example = discoveries.get("static");
        assertThat(example.get("module").asText()).isEqualTo("org.example.tom.staticpeers");
        assertThat(example.get("location").asText()).contains("/plugins/static-peers-discovery-");
        assertThat(example.get("available").asBoolean()).as("%s", example).isTrue();
        assertThat(example.get("priority").asInt()).isGreaterThan(discoveries.get("gossip").get("priority").asInt());
        assertThat(example.get("options").findValuesAsText("key"))
                .containsExactly("static.peers-file", "static.redial-interval-ms", "static.max-learned-peers");
    }

    @Test
    void twoNodesSharingOnePeersFileFindEachOtherThroughThePluginAloneAndDeliverMessages() throws Exception {
        String alice = identity("alice");
        String bob = identity("bob");
        int alicePort = freeUdpPort();
        int bobPort = freeUdpPort();
        Path peers = Files.writeString(work.resolve("group-peers.txt"), "# the group: one file for every node\n"
                + alice + "@127.0.0.1:" + alicePort + "\n" + bob + "@127.0.0.1:" + bobPort + "\n");

        try (TomNodeProcess aliceNode = TomNodeProcess.start("alice", withTom(node("alice", alicePort, peers)), work);
             TomNodeProcess bobNode = TomNodeProcess.start("bob", withTom(node("bob", bobPort, peers, "--send-to",
                     alice, "--count", "3", "--interval", "200", "--payload", "through the plugin")), work)) {
            for (int seq = 1; seq <= 3; seq++) {
                int expected = seq;
                JsonNode outcome = bobNode.await("outcome of message " + seq, e -> e.path("event").asText()
                        .equals("outcome") && e.path("seq").asInt() == expected, PATIENCE);
                assertThat(outcome.path("status").asText()).as("%s", bobNode).isEqualTo("delivered");
                assertThat(outcome.path("path").asText()).isEqualTo("direct");
                JsonNode received = aliceNode.await("message " + seq, e -> e.path("event").asText()
                        .equals("message"), PATIENCE);
                assertThat(received.path("from").asText()).isEqualTo(bob);
                assertThat(received.path("text").asText()).isEqualTo("through the plugin " + seq);
            }
            JsonNode summary = bobNode.await("summary", e -> e.path("event").asText().equals("summary"), PATIENCE);
            assertThat(summary.path("delivered").asInt()).as("%s", summary).isEqualTo(3);
        }
    }

    @Test
    void aMalformedPeersFileStopsTheNodeNamingTheFileTheLineAndTheFix() throws IOException {
        Path peers = Files.writeString(work.resolve("typo-peers.txt"), "# the group\n"
                + identity("carol") + "@127.0.0.1\n");

        JavaProcess.Result node = run(tom, node("carol", 0, peers));

        assertThat(node.exitCode()).as("%s", node).isEqualTo(1);
        assertThat(node.stderr()).as("%s", node).startsWith("tom: option static.peers-file: " + peers
                + " line 2: address '127.0.0.1' has no port; write NODEID@HOST:PORT");
        assertThat(node.stdout()).as("the node never started").doesNotContain("\"started\"");
    }

    @Test
    void withoutThePluginTheSameNodeIsRefusedForAnOptionNoProviderDeclares() throws IOException {
        Path peers = Files.writeString(work.resolve("plain-peers.txt"), "");

        JavaProcess.Result node = run(IMAGE.resolve("bin/tom"), node("dave", 0, peers));

        assertThat(node.exitCode()).as("%s", node).isNotZero();
        assertThat(node.stderr()).as("%s", node).contains("unknown option 'static.peers-file'");
    }

    /** The arguments of {@code tom node} on loopback, with a data directory of its own and a peers file. */
    private static List<String> node(String name, int port, Path peersFile, String... more) {
        List<String> command = new ArrayList<>(List.of("node", "--listen", "127.0.0.1:" + port,
                "--data-dir", work.resolve(name).toString(), "--option", "static.peers-file=" + peersFile, "--json"));
        command.addAll(List.of(more));
        return command;
    }

    /** {@code args} run by the copy of the image, which holds the plugin. */
    private static List<String> withTom(List<String> args) {
        List<String> command = new ArrayList<>(List.of(tom.toString()));
        command.addAll(args);
        return command;
    }

    /** Creates the identity of {@code name} with {@code tom id} and returns its node id, as an operator would. */
    private static String identity(String name) throws IOException {
        JavaProcess.Result id = run(tom, "id", "--data-dir", work.resolve(name).toString(), "--json");
        assertThat(id.exitCode()).as("%s", id).isZero();
        return JSON.readTree(id.stdout()).get("node_id").asText();
    }

    private static JavaProcess.Result run(Path launcher, String... args) {
        return run(launcher, List.of(args));
    }

    private static JavaProcess.Result run(Path launcher, List<String> args) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        return JavaProcess.run(command, work, Map.of("JAVA_HOME", "/nonexistent"));
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Copies the image, keeping its file modes and its relative links (the legal notices). */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(file));
                if (Files.isSymbolicLink(file)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
