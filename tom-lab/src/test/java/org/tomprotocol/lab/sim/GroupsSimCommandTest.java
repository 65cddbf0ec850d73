package org.tomprotocol.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code tom sim groups} runs one group on real engines and reports delivery, latency and the removed member. */
class GroupsSimCommandTest {
    private final SimConsole console = new SimConsole();

    @Test
    void everyMemberGetsEveryPostMeantForItOnceAndTheRemovedMemberNothingAfter() throws Exception {
        assertThat(console.tom("groups", "--members", "5", "--messages", "40", "--seed", "3", "--json")).as("%s", console.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(console.out());
        assertThat(report.get("sent").asInt()).isEqualTo(40);
        assertThat(report.at("/delivered_per_member/min").asDouble()).isEqualTo(1.0);
        assertThat(report.get("lost").asInt()).isZero();
        assertThat(report.get("duplicates_to_app").asInt()).isZero();
        assertThat(report.get("hubs_per_epoch_max").asInt()).isEqualTo(1);
        assertThat(report.get("messages_readable_by_removed_member").asInt()).isZero();
        assertThat(report.at("/fanout_ms/p50").asLong()).as("one 50 ms link: the author's copy")
                .isBetween(50L, 75L);
        assertThat(report.at("/direct_ms/p50").asLong()).isGreaterThanOrEqualTo(50);
        assertThat(report.get("post_copies").asBoolean()).isTrue();
    }

    @Test
    void withoutPostCopiesEveryPostCrossesTheHubAndTheRemovedMemberGetsNothingOrderedAfterItsRemoval()
            throws Exception {
        assertThat(console.tom("groups", "--members", "10", "--messages", "40", "--seed", "3", "--post-copies",
                "false", "--json")).as("%s", console.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(console.out());
        assertThat(report.get("lost").asInt()).isZero();
        assertThat(report.get("duplicates_to_app").asInt()).isZero();
        assertThat(report.at("/fanout_ms/p50").asLong()).as("two 50 ms links, through the hub")
                .isGreaterThanOrEqualTo(100);
        assertThat(report.get("messages_readable_by_removed_member").asInt()).isZero();
        assertThat(report.get("concurrent_posts_read_by_removed_member").asInt()).isZero();
    }

    @Test
    void whenTheHubCrashesTheShadowTakesOverWithin3SecondsAndNoPostIsLost() throws Exception {
        assertThat(console.tom("groups", "--members", "5", "--messages", "40", "--kill-hub-at", "25", "--seed", "4",
                "--json")).as("%s", console.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(console.out());
        assertThat(report.get("lost").asInt()).isZero();
        assertThat(report.get("duplicates_to_app").asInt()).isZero();
        assertThat(report.get("hubs_per_epoch_max").asInt()).isEqualTo(1);
        assertThat(report.get("epochs").asInt()).isEqualTo(2);
        assertThat(report.at("/failover_ms/p99").asLong()).isBetween(1L, 3_000L);
    }

    @Test
    void whenTheHubThatTookOverCrashesTooTheNextTakesOverAndNoPostIsLost() throws Exception {
        assertThat(console.tom("groups", "--members", "5", "--messages", "60", "--kill-hub-at", "20",
                "--kill-again-at", "45", "--seed", "5", "--json")).as("%s", console.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(console.out());
        assertThat(report.get("lost").asInt()).isZero();
        assertThat(report.get("duplicates_to_app").asInt()).isZero();
        assertThat(report.get("hubs_per_epoch_max").asInt()).isEqualTo(1);
        assertThat(report.get("epochs").asInt()).isEqualTo(3);
    }

    @Test
    void settingsThatCannotRunAreAUsageErrorNamingTheOption() {
        assertThat(console.tom("groups", "--members", "2")).isEqualTo(2);
        assertThat(console.err()).contains("--members");
        assertThat(console.tom("groups", "--rate", "0")).isEqualTo(2);
        assertThat(console.err()).contains("--rate");
        assertThat(console.tom("groups", "--kill-shadow")).isEqualTo(2);
        assertThat(console.err()).contains("--kill-hub-at");
        assertThat(console.tom("groups", "--kill-hub-at", "30", "--kill-again-at", "10")).isEqualTo(2);
        assertThat(console.err()).contains("--kill-again-at");
    }
}
