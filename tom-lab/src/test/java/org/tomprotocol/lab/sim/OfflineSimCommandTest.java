package org.tomprotocol.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code tom sim offline} runs the offline simulation and reports it. */
class OfflineSimCommandTest {
    private final SimConsole console = new SimConsole();

    @Test
    void jsonReportsDeliveryDuplicatesReplicasAndTheBytesLeft() throws Exception {
        assertThat(console.tom("offline", "--nodes", "4", "--messages", "10", "--offline-fraction", "0", "--hours", "0.2",
                "--seed", "3", "--json")).as("%s", console.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(console.out());
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
        assertThat(console.tom("offline", "--offline-fraction", "1")).isEqualTo(2);
        assertThat(console.err()).contains("--offline-fraction");
        assertThat(console.tom("offline", "--mean-offline-minutes", "0")).isEqualTo(2);
        assertThat(console.err()).contains("--mean-offline-minutes");
        assertThat(console.tom("offline", "--nodes", "1")).isEqualTo(2);
        assertThat(console.err()).contains("--nodes");
    }
}
