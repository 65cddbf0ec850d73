package org.tomprotocol.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code tom sim gossip} runs the real gossip provider found on the class path and reports it. */
class GossipSimCommandTest {
    private final SimConsole console = new SimConsole();

    @Test
    void jsonReportsTheFailureExperimentOfTheGossipProvider() throws Exception {
        assertThat(console.tom("gossip", "--nodes", "300", "--fail", "0.3", "--seed", "5", "--json")).isZero();

        JsonNode report = new ObjectMapper().readTree(console.out());
        assertThat(report.get("provider").asText()).isEqualTo("gossip");
        assertThat(report.at("/settings/nodes").asInt()).isEqualTo(300);
        assertThat(report.get("failedNodes").asInt()).isEqualTo(90);
        assertThat(report.get("liveNodes").asInt()).isEqualTo(210);
        assertThat(report.get("rounds")).hasSize(10);
        assertThat(report.at("/steadyState/reliability").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/afterRecovery/reliability").asDouble()).isEqualTo(1.0);
        assertThat(report.get("roundsToHeal").isInt()).isTrue();
        assertThat(report.at("/overlayAfterRecovery/components").asInt()).isEqualTo(1);
        assertThat(report.at("/counts/sendsWithoutAddress").asLong()).isZero();
    }

    @Test
    void textSummarySaysHowTheOverlayHealed() {
        assertThat(console.tom("gossip", "--nodes", "100", "--fail", "0.2", "--rounds", "4")).isZero();

        assertThat(console.out()).contains("100 nodes, 20 failed", "provider gossip", "after  4 rounds:",
                "reliability 1.0000", "rounds to heal:");
    }

    @Test
    void settingsThatCannotRunAreAUsageErrorNamingTheSetting() {
        assertThat(console.tom("gossip", "--nodes", "10", "--fail", "1.0")).isEqualTo(2);
        assertThat(console.err()).contains("failFraction");
    }

    @Test
    void anUnknownProviderIsNamedWithTheOnesAvailable() {
        assertThat(console.tom("gossip", "--nodes", "20", "--provider", "nope")).isEqualTo(1);
        assertThat(console.err()).contains("'nope'", "gossip");
    }

    @Test
    void discoveryOptionsReachEveryNodeAndABadOneIsAUsageErrorNamingIt() throws Exception {
        assertThat(console.tom("gossip", "--nodes", "50", "--rounds", "2", "--option", "gossip.catch-up-messages=0",
                "--json")).isZero();
        JsonNode report = new ObjectMapper().readTree(console.out());
        assertThat(report.at("/settings/options/gossip.catch-up-messages").asText()).isEqualTo("0");

        assertThat(console.tom("gossip", "--nodes", "50", "--option", "gossip.catch-up-messages=lots")).as("%s", console.err()).isEqualTo(2);
        assertThat(console.err()).contains("gossip.catch-up-messages");
    }
}
