package org.tomprotocol.cli.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.TomCli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * {@code tom stress} against real QUIC nodes on loopback: every mode reports its JSON lines and a summary, a
 * round trip counts only once the recipient acknowledged, and the exit code says whether anything was lost.
 */
class StressCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TomNode target;
    private static TomNode secondTarget;

    @BeforeAll
    static void startTargets() {
        target = Tom.node().transports("quic").listen("127.0.0.1:0").start();
        secondTarget = Tom.node().transports("quic").listen("127.0.0.1:0").start();
    }

    @AfterAll
    static void stopTargets() {
        target.close();
        secondTarget.close();
    }

    private record Run(int exitCode, List<JsonNode> lines, String err) {
        List<JsonNode> events(String name) {
            return lines.stream().filter(line -> line.get("event").asText().equals(name)).toList();
        }

        JsonNode summary() {
            List<JsonNode> summaries = events("summary");
            assertThat(summaries).as("one summary line in %s", lines).hasSize(1);
            return summaries.get(0);
        }
    }

    private static Run stress(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TomCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> arguments = new ArrayList<>(List.of("stress"));
        arguments.addAll(List.of(args));
        int exitCode = commandLine.execute(arguments.toArray(String[]::new));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(exitCode, lines, err.toString());
    }

    private static String bootstrap(TomNode node) {
        String address = node.addresses().stream().map(a -> a.address()).filter(a -> a.startsWith("127.0.0.1:"))
                .findFirst().orElseThrow();
        return node.id().toHex() + "@" + address;
    }

    @Test
    void pingTimesEachMessageToTheRecipientsAcknowledgement() throws Exception {
        Run run = stress("ping", "--bootstrap", bootstrap(target), "--count", "3", "--delay", "0",
                target.id().toHex());

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.events("started")).hasSize(1);
        List<JsonNode> pings = run.events("ping");
        assertThat(pings).hasSize(3);
        for (JsonNode ping : pings) {
            assertThat(ping.get("delivered").asBoolean()).isTrue();
            assertThat(ping.get("rtt_ms").asDouble()).isPositive();
            assertThat(ping.get("path").asText()).isEqualTo("direct");
        }
        JsonNode summary = run.summary();
        assertThat(summary.get("successful").asInt()).isEqualTo(3);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(summary.get("direct_pings").asInt()).isEqualTo(3);
        assertThat(summary.get("rtt_p50_ms").asDouble()).isPositive()
                .isLessThanOrEqualTo(summary.get("rtt_max_ms").asDouble());
    }

    @Test
    void burstCountsEveryAcknowledgedMessageAndItsBytes() throws Exception {
        Run run = stress("burst", "--bootstrap", bootstrap(target), "--count", "40", "--payload-size", "2048",
                target.id().toHex());

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode result = run.events("burst_result").get(0);
        assertThat(result.get("messages_sent").asInt()).isEqualTo(40);
        assertThat(result.get("messages_acked").asInt()).isEqualTo(40);
        assertThat(result.get("lost").asInt()).isZero();
        assertThat(result.get("total_bytes").asLong()).isEqualTo(40L * 2048);
        assertThat(result.get("messages_per_sec").asLong()).isPositive();
        assertThat(run.summary().get("lost").asInt()).isZero();
    }

    @Test
    void ladderClimbsEverySize() throws Exception {
        Run run = stress("ladder", "--bootstrap", bootstrap(target), "--sizes", "1K,16K", "--reps", "2",
                target.id().toHex());

        assertThat(run.exitCode()).as("%s", run).isZero();
        List<JsonNode> steps = run.events("ladder_result");
        assertThat(steps).extracting(step -> step.get("size").asInt()).containsExactly(1024, 16 * 1024);
        assertThat(steps).allSatisfy(step -> assertThat(step.get("successful").asInt()).isEqualTo(2));
        assertThat(run.summary().get("failed").asInt()).isZero();
    }

    @Test
    void fanoutReachesEveryTarget() throws Exception {
        Run run = stress("fanout", "--bootstrap", bootstrap(target), "--bootstrap", bootstrap(secondTarget),
                "--targets", target.id().toHex() + "," + secondTarget.id().toHex(), "--count", "5");

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode result = run.events("fanout_result").get(0);
        assertThat(result.get("target_count").asInt()).isEqualTo(2);
        assertThat(result.get("total_sent").asInt()).isEqualTo(10);
        assertThat(result.get("total_delivered").asInt()).isEqualTo(10);
    }

    @Test
    void aPingNobodyAcknowledgesIsReportedAsFailedWithExitCodeOne() throws Exception {
        NodeId nobody;
        try (TomNode gone = Tom.node().transports("quic").listen("127.0.0.1:0").start()) {
            nobody = gone.id();
        }

        Run run = stress("ping", "--bootstrap", bootstrap(target), "--count", "1", "--delay", "0",
                "--timeout", "1", nobody.toHex());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        JsonNode ping = run.events("ping").get(0);
        assertThat(ping.get("delivered").asBoolean()).isFalse();
        assertThat(ping.get("failure").asText()).isNotBlank();
        assertThat(run.summary().get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void aFloodThroughARelayIsPricedTheHonestSenderLosesNothingAndTheFlooderIsSlowedNotCutOff() throws Exception {
        Run run = stress("flood", "--honest-rate", "5", "--flood-factor", "40", "--seconds", "2",
                "--flooder-stamp-bits", "12");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.events("flood_result").get(0);
        assertThat(result.at("/honest_alone/delivered").asInt()).isEqualTo(10);
        assertThat(result.at("/honest_under_flood/delivered").asInt()).isEqualTo(10);
        assertThat(result.get("honest_prices_received").asLong()).as("the honest sender has standing").isZero();
        assertThat(result.get("relay_prices_told").asLong()).isPositive();
        assertThat(result.get("relay_unpaid_refused").asLong()).as("the flood past twice its budget").isPositive();
        assertThat(result.get("flood_delivered").asLong()).as("slowed, not cut off").isPositive()
                .isLessThan(result.get("flood_sent").asLong());
        assertThat(run.summary().get("honest_failed").asInt()).isZero();
    }

    @Test
    void aFlooderCpuThisMachineDoesNotHaveIsAUsageErrorNamingTheOption() throws Exception {
        Run run = stress("flood", "--flooder-cpu", "4096");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--flooder-cpu").contains("4096");
    }

    @Test
    void aMalformedNodeIdIsAUsageErrorNamingTheParameter() throws Exception {
        Run run = stress("ping", "--bootstrap", bootstrap(target), "not-a-node-id");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("NODEID").contains("not-a-node-id");
        assertThat(run.lines()).isEmpty();
    }

    @Test
    void withoutABootstrapNodeTheModeSaysWhatToAdd() throws Exception {
        Run run = stress("ping", target.id().toHex());

        assertThat(run.exitCode()).as("a usage error").isEqualTo(2);
        assertThat(run.err()).contains("--bootstrap");
    }
}
