package org.tomprotocol.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code tom sim abuse} reports both runs, the spammers' rate second by second and what stamps cost. */
class AbuseSimCommandTest {
    private final SimConsole console = new SimConsole();

    @Test
    void itReportsTheHonestLatenciesOfBothRunsAndTheSpamDeliveredEachSecond() throws Exception {
        assertThat(console.tom("abuse", "--nodes", "8", "--spammers", "1", "--spam-rate", "100", "--seconds", "8",
                "--hash-rate", "100000", "--json")).as("%s", console.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(console.out());
        assertThat(report.get("spam_factor").asDouble()).isEqualTo(100.0);
        assertThat(report.at("/honest_alone/sent").asInt()).isPositive()
                .isEqualTo(report.at("/honest_under_spam/delivered").asInt());
        assertThat(report.get("honest_p99_ratio").asDouble()).isPositive();
        assertThat(report.get("spam_delivered_per_second").size()).isEqualTo(8);
        assertThat(report.get("spam_handed").asInt()).isEqualTo(800);
        assertThat(report.get("stamps_minted").asLong()).isPositive();
        assertThat(report.get("minting_cpu_s").asDouble()).isPositive();
    }

    @Test
    void settingsThatCannotRunAreAUsageErrorNamingTheOption() {
        assertThat(console.tom("abuse", "--nodes", "4", "--spammers", "1")).isEqualTo(2);
        assertThat(console.err()).contains("--nodes");
        assertThat(console.tom("abuse", "--spam-rate", "0")).isEqualTo(2);
        assertThat(console.err()).contains("--spam-rate");
        assertThat(console.tom("abuse", "--targets", "0")).isEqualTo(2);
        assertThat(console.err()).contains("--targets");
        assertThat(console.tom("abuse", "--hash-rate", "0")).isEqualTo(2);
        assertThat(console.err()).contains("--hash-rate");
    }
}
