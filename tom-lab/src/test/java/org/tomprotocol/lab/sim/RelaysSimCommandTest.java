package org.tomprotocol.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code tom sim relays}: a relay that acknowledges and drops what it carries loses the traffic to the relays that
 * deliver, and nothing is lost.
 */
class RelaysSimCommandTest {
    private final SimConsole console = new SimConsole();

    @Test
    void aRelayThatStopsDeliveringDriftsDownTheOthersCarryEverythingAndItComesBackOnceItDeliversAgain()
            throws Exception {
        assertThat(console.tom("relays", "--seconds", "120", "--drop-from", "20", "--drop-until", "40", "--window",
                "10", "--rate", "10", "--json")).as("%s", console.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(console.out());
        assertThat(report.get("delivered").asInt()).isEqualTo(report.get("sent").asInt()).isEqualTo(1200);
        JsonNode dropping = report.get("carried_by_dropping_relay");
        assertThat(dropping.get(0).asInt() + dropping.get(1).asInt()).as("trusted while it delivered").isPositive();
        for (int window = 3; window < 5; window++) {
            assertThat(dropping.get(window).asInt()).as("window %d, after its losses", window).isZero();
            assertThat(report.get("carried_by_relay_1").get(window).asInt()
                    + report.get("carried_by_relay_2").get(window).asInt()).as("window %d", window).isEqualTo(100);
        }
        int afterwards = 0;
        for (int window = 6; window < 12; window++) {
            afterwards += dropping.get(window).asInt();
        }
        assertThat(afterwards).as("tried again once passed over, it carries again").isGreaterThan(50);
    }

    @Test
    void settingsThatCannotRunAreAUsageErrorNamingTheOption() {
        assertThat(console.tom("relays", "--relays", "1")).isEqualTo(2);
        assertThat(console.err()).contains("--relays");
        assertThat(console.tom("relays", "--drop-from", "50", "--drop-until", "10")).isEqualTo(2);
        assertThat(console.err()).contains("--drop-from");
    }
}
