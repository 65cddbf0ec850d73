package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The NAT lab ({@code lab/nat-lab.sh}, docs/nat-lab.md) with real {@code tom node} processes in network
 * namespaces behind nftables NATs: relay first, then a punched direct path; loss; a symmetric NAT; a NAT
 * rebinding. It needs root, iproute2 with {@code ip netns}, nftables, conntrack, python3 and the built jlink
 * image (tom-distribution is packaged before this module in {@code ./mvnw -B verify}); without them its tests
 * are skipped, and each skip says what is missing. The four scenarios run once, in about a minute.
 */
class NatLabTest {
    private static final Path ROOT = Path.of(System.getProperty("tom.root", "..")).toAbsolutePath().normalize();
    private static final Path LAB = ROOT.resolve("lab/nat-lab.sh");
    private static final Path TOM = ROOT.resolve("tom-distribution/target/image/bin/tom");
    private static final Path LOGS = ROOT.resolve("tom-arch-tests/target/nat-lab");
    private static final long LAB_TIMEOUT_SECONDS = 360;
    private static final System.Logger LOG = System.getLogger(NatLabTest.class.getName());

    private static final Map<String, JsonNode> RESULTS = new HashMap<>();
    private static String missing;
    private static String labOutput = "";

    @BeforeAll
    static void runTheLab() throws IOException, InterruptedException {
        missing = missingPrerequisite();
        if (missing != null) {
            LOG.log(System.Logger.Level.WARNING, "NAT lab skipped: " + missing);
            return; // each test is then skipped, with the reason
        }
        Path out = Files.createTempFile("nat-lab", ".out");
        Path err = Files.createTempFile("nat-lab", ".err");
        try {
            Process lab = new ProcessBuilder("bash", LAB.toString(), "--tom", TOM.toString(), "--logs", LOGS.toString())
                    .directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!lab.waitFor(LAB_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                lab.destroy(); // SIGTERM: the script's trap deletes its namespaces
                if (!lab.waitFor(30, TimeUnit.SECONDS)) {
                    lab.destroyForcibly();
                }
            }
            labOutput = "exit code " + (lab.isAlive() ? "none (killed)" : lab.exitValue()) + "\n--- stdout\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + "\n--- stderr\n"
                    + Files.readString(err, StandardCharsets.UTF_8) + "\n(node logs in " + LOGS + ")";
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith("{")) {
                    JsonNode result = json.readTree(line);
                    RESULTS.put(result.get("scenario").asText(), result);
                }
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What keeps the lab from running here, or {@code null}. */
    private static String missingPrerequisite() throws InterruptedException {
        if (!"0".equals(run("id", "-u"))) {
            return "not running as root (the lab creates network namespaces)";
        }
        List<String> absent = new ArrayList<>();
        for (String tool : List.of("ip", "nft", "conntrack", "python3")) {
            if (run("sh", "-c", "command -v " + tool) == null) {
                absent.add(tool);
            }
        }
        if (!absent.isEmpty()) {
            return "missing " + absent + " (Debian packages iproute2, nftables, conntrack, python3)";
        }
        if (run("ip", "netns", "list") == null) {
            return "'ip netns' does not work here";
        }
        if (!Files.isExecutable(TOM)) {
            return "no jlink image at " + TOM + "; run ./mvnw -B verify from the root";
        }
        return null;
    }

    /** The trimmed standard output of a successful command, or {@code null}. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode result(String scenario) {
        assumeTrue(missing == null, () -> "NAT lab skipped: " + missing);
        JsonNode result = RESULTS.get(scenario);
        assertThat(result).as("no result for scenario %s; lab output:%n%s", scenario, labOutput).isNotNull();
        return result;
    }

    @Test
    void behindTwoEndpointIndependentNatsTheRelayHandsOverToADirectPath() {
        JsonNode result = result("default-nat");

        assertThat(result.get("time_to_direct_ms").isNumber()).as("%s", result).isTrue();
        assertThat(result.get("delivered").asInt()).as("%s", result).isEqualTo(result.get("sent").asInt());
        assertThat(result.get("direct_fraction").asDouble()).as("%s", result).isGreaterThanOrEqualTo(0.95);
        assertThat(result.get("fallbacks").asInt()).as("%s", result).isZero();
    }

    @Test
    void withTwentyPercentLossThePathStillGoesDirectAndNothingIsLost() {
        JsonNode result = result("lossy");

        assertThat(result.get("loss_pct").asDouble()).isEqualTo(20);
        assertThat(result.get("time_to_direct_ms").isNumber()).as("%s", result).isTrue();
        assertThat(result.get("delivered").asInt()).as("%s", result).isEqualTo(result.get("sent").asInt());
    }

    @Test
    void behindASymmetricNatPunchingFailsAndTheRelayCarriesEverything() {
        JsonNode result = result("symmetric");

        assertThat(result.get("nat_b").asText()).isEqualTo("symmetric");
        assertThat(result.get("time_to_direct_ms").isNull()).as("%s", result).isTrue();
        assertThat(result.get("delivered").asInt()).as("%s", result).isEqualTo(result.get("sent").asInt())
                .isPositive();
    }

    @Test
    void aNatRebindingFallsBackToTheRelayWithoutLossThenPunchesANewDirectPath() {
        JsonNode result = result("rebinding");

        assertThat(result.get("fallbacks").asInt()).as("%s", result).isGreaterThanOrEqualTo(1);
        assertThat(result.get("delivered").asInt()).as("%s", result).isEqualTo(result.get("sent").asInt());
        assertThat(result.get("recovery_ms").isNumber()).as("direct again: %s", result).isTrue();
    }
}
