package org.tomprotocol.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code tom sim holders}: senders learn which holders keep their copies until the recipients' proofs of delivery, and
 * stop placing copies with holders that confirm and forget; nothing is lost meanwhile.
 */
class HoldersSimCommandTest {
    private final SimConsole console = new SimConsole();

    @Test
    void holdersThatForgetWhatTheyConfirmedAreGivenFewerCopiesOnceTheOthersProvedTheirHolding() throws Exception {
        assertThat(console.tom("holders", "--holders", "8", "--forgetful", "2", "--messages", "10", "--cycles", "4",
                "--json")).as("%s", console.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(console.out());
        assertThat(report.get("delivered").asInt()).isEqualTo(report.get("sent").asInt()).isEqualTo(40);
        JsonNode forgetful = report.get("copies_to_forgetful");
        JsonNode reliable = report.get("copies_to_reliable");
        assertThat(forgetful.get(0).asInt()).as("before any evidence they are chosen like the others").isPositive();
        assertThat(forgetful.get(3).asInt() * 4).as("the last cycle against the first")
                .isLessThan(forgetful.get(0).asInt());
        assertThat(reliable.get(3).asInt()).isGreaterThan(reliable.get(0).asInt());
    }

    @Test
    void settingsThatCannotRunAreAUsageErrorNamingTheOption() {
        assertThat(console.tom("holders", "--holders", "8", "--forgetful", "4")).isEqualTo(2);
        assertThat(console.err()).contains("--forgetful");
        assertThat(console.tom("holders", "--cycles", "0")).isEqualTo(2);
        assertThat(console.err()).contains("--cycles");
    }
}
