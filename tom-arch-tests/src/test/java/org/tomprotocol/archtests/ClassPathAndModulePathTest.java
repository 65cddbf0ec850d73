package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.JavaProcess;
import org.tomprotocol.archtests.support.ModuleJars;
import org.tomprotocol.archtests.support.TomModule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Providers are declared with {@code provides} and in {@code META-INF/services}, so the same jars work on
 * the module path and on the class path: two real JVMs run {@code tom plugins --json}, one each way, and
 * must find the same providers.
 */
class ClassPathAndModulePathTest {
    private static final String CLI_CLASS = "org.tomprotocol.cli.TomCli";
    private static List<Path> runtimeJars;
    private static JavaProcess.Result onModulePath;
    private static JavaProcess.Result onClassPath;

    @BeforeAll
    static void runTheCliBothWays() throws IOException {
        runtimeJars = runtimeClassPath();
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"));

        List<String> modulePath = new ArrayList<>(List.of(JavaProcess.java()));
        modulePath.addAll(JavaProcess.quietJvmOptions());
        // the native QUIC library exports nothing: as in bin/tom, it must be a root module to be resolved; as in
        // bin/tom, Netty and sqlite-jdbc load native libraries; an application that puts the libsodium suite on its
        // module path grants it native access too, as one with the WebRTC plugin does to webrtc-java (bin/tom does that
        // for the plugins it loads)
        modulePath.addAll(List.of("--enable-native-access=io.netty.common,org.xerial.sqlitejdbc,"
                        + "org.tomprotocol.crypto.sodium,webrtc.java",
                "--add-modules", "io.netty.codec.quic.linux.x86_64"));
        modulePath.addAll(List.of("--module-path", JavaProcess.pathOf(runtimeJars),
                "-m", "org.tomprotocol.cli/" + CLI_CLASS, "plugins", "--json"));
        onModulePath = JavaProcess.run(modulePath, workDir, Map.of());

        List<String> classPath = new ArrayList<>(List.of(JavaProcess.java()));
        classPath.addAll(JavaProcess.quietJvmOptions());
        classPath.add("--enable-native-access=ALL-UNNAMED");
        classPath.addAll(List.of("-cp", JavaProcess.pathOf(runtimeJars), CLI_CLASS, "plugins", "--json"));
        onClassPath = JavaProcess.run(classPath, workDir, Map.of());
    }

    /** The runtime class path Maven wrote for this module: every module jar and library, no test library. */
    private static List<Path> runtimeClassPath() throws IOException {
        Path file = Path.of(System.getProperty("tom.runtimeClasspath", "target/runtime-classpath.txt"));
        assertThat(file).as("written by maven-dependency-plugin:build-classpath").isRegularFile();
        return Arrays.stream(Files.readString(file).strip().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
    }

    private static List<JsonNode> plugins(JavaProcess.Result result) throws IOException {
        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode json = new ObjectMapper().readTree(result.stdout());
        assertThat(json.isArray()).as("%s", result).isTrue();
        List<JsonNode> plugins = new ArrayList<>();
        json.forEach(plugins::add);
        return plugins;
    }

    private static Set<String> kindsAndIds(List<JsonNode> plugins) {
        return plugins.stream().map(p -> p.get("kind").asText() + ":" + p.get("id").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void bothWaysFindTheSameProviders() throws IOException {
        Set<String> modular = kindsAndIds(plugins(onModulePath));
        Set<String> classic = kindsAndIds(plugins(onClassPath));

        assertThat(modular).as("module path vs class path").isEqualTo(classic);
    }

    @Test
    void theEngineAndTheCryptoSuiteAreFoundAndUsable() throws IOException {
        List<String> usable = plugins(onModulePath).stream().filter(p -> p.get("available").asBoolean())
                .map(p -> p.get("kind").asText() + ":" + p.get("id").asText()).toList();

        assertThat(usable).contains("engine:tom-core");
        if (ModuleJars.find(TomModule.CRYPTO.moduleName()).isPresent()) {
            assertThat(usable).contains("crypto:tom-v1");
        }
    }

    @Test
    void onTheModulePathEveryProviderComesFromANamedModule() throws IOException {
        assertThat(plugins(onModulePath)).isNotEmpty().allSatisfy(p ->
                assertThat(p.get("module").asText()).as("%s", p).startsWith("org.tomprotocol."));
        assertThat(onModulePath.stderr()).as("warnings of %s", onModulePath).isEmpty();
    }

    @Test
    void onTheClassPathEveryProviderIsUnnamed() throws IOException {
        assertThat(plugins(onClassPath)).isNotEmpty().allSatisfy(p ->
                assertThat(p.get("module").asText()).as("%s", p).isEqualTo("unnamed"));
    }
}
