package org.tomprotocol.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code tom sim offline} runs the offline simulation and reports it. */
class OfflineSimCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int tom(String... args) {
        CommandLine commandLine = new CommandLine(new SimCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void jsonReportsDeliveryDuplicatesReplicasAndTheBytesLeft() throws Exception {
        assertThat(tom("offline", "--nodes", "4", "--messages", "10", "--offline-fraction", "0", "--hours", "0.2",
                "--seed", "3", "--json")).as("%s", err).isZero();

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("nodes").asInt()).isEqualTo(4);
        assertThat(report.get("hubs").asInt()).isEqualTo(2);
        assertThat(report.get("sent").asInt()).isEqualTo(10);
        assertThat(report.get("delivered").asInt()).isEqualTo(10);
        assertThat(report.get("delivered_within_24h").asInt()).isEqualTo(10);
        assertThat(report.get("duplicates_to_app").asInt()).isZero();
        assertThat(report.get("expired").asInt()).isZero();
        assertThat(report.at("/delivered_after_return_ms/p99").isNumber()).isTrue();
        assertThat(report.at("/replicas_per_message/max").asInt()).as("nothing offline: no message ever waited")
                .isZero();
        assertThat(report.get("bytes_left_after_24h").asLong()).isZero();
        assertThat(report.get("virtual_ms").asLong()).as("25 h past the last send").isGreaterThan(25 * 3_600_000L);
        assertThat(report.has("wall_ms")).isTrue();
    }

    @Test
    void settingsThatCannotRunAreAUsageErrorNamingTheOption() {
        assertThat(tom("offline", "--offline-fraction", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--offline-fraction");
        assertThat(tom("offline", "--mean-offline-minutes", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--mean-offline-minutes");
        assertThat(tom("offline", "--nodes", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--nodes");
    }
}
