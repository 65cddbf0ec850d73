package org.tomprotocol.testkit.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The simulator measured with the flooding discovery, whose results on a tree can be predicted. */
class GossipSimulationTest {

    @Test
    void floodingATreeReachesEveryNodeExactlyOnce() {
        GossipSimulationResult result = GossipSimulation.run(SimulationSettings.of(200, 0, 1)
                .withRounds(2, 3, 500), new FloodingProvider());

        assertThat(result.provider()).isEqualTo("flood");
        assertThat(result.overlayBeforeFailure().components()).isEqualTo(1);
        assertThat(result.overlayBeforeFailure().meanDegree()).as("a tree: 2 (n - 1) / n")
                .isEqualTo(2.0 * 199 / 200);
        for (BroadcastStats stats : result.rounds()) {
            assertThat(stats.reliability()).isEqualTo(1.0);
            assertThat(stats.delivered()).isEqualTo(199);
            assertThat(stats.payloadMessages()).isEqualTo(199);
            assertThat(stats.rmr()).isEqualTo(0.0);
            assertThat(stats.lastDeliveryHop()).isBetween(2, 199);
            assertThat(stats.lastDeliveryMillis()).isBetween(stats.lastDeliveryHop() * 10L,
                    stats.lastDeliveryHop() * 150L);
        }
        assertThat(result.roundsToHeal()).isZero();
        assertThat(result.warmup()).hasSize(2);
        assertThat(result.counts().sendsWithoutAddress()).isZero();
    }

    @Test
    void aBrokenTreeNeverHealsAndTheResultSaysSo() {
        GossipSimulationResult result = GossipSimulation.run(SimulationSettings.of(200, 0.5, 2)
                .withRounds(1, 3, 500), new FloodingProvider());

        assertThat(result.failedNodes()).isEqualTo(100);
        assertThat(result.rounds()).hasSize(3).allSatisfy(stats -> {
            assertThat(stats.liveNodes()).isEqualTo(100);
            assertThat(stats.reliability()).isLessThan(1.0);
        });
        assertThat(result.healed()).isFalse();
        assertThat(result.roundsToHeal()).isEqualTo(-1);
        assertThat(result.overlayAfterRecovery().components()).isGreaterThan(1);
        assertThat(result.summary()).contains("not healed within 3 rounds");
    }

    @Test
    void theProviderIsFoundWithServiceLoader() {
        GossipSimulationResult result = GossipSimulation.run(SimulationSettings.of(20, 0, 3).withRounds(1, 1, 200)
                .withStabilise(100));

        assertThat(result.provider()).isEqualTo("flood");
        assertThatThrownBy(() -> GossipSimulation.run(SimulationSettings.of(20, 0, 3).withProvider("nope")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'nope'")
                .hasMessageContaining("flood");
    }

    @Test
    void settingsThatCannotRunNameWhatToFix() {
        assertThatThrownBy(() -> SimulationSettings.of(1, 0, 1)).hasMessageContaining("nodes");
        assertThatThrownBy(() -> SimulationSettings.of(10, 1.0, 1)).hasMessageContaining("failFraction");
        assertThatThrownBy(() -> SimulationSettings.of(10, 0.9, 1)).hasMessageContaining("fewer than 2 alive");
        assertThatThrownBy(() -> SimulationSettings.of(10, 0, 1).withPayloadBytes(8))
                .hasMessageContaining("payloadBytes");
        assertThatThrownBy(() -> SimulationSettings.of(10, 0, 1).withLatency(30, 20)).hasMessageContaining("latencies");
        assertThat(SimulationSettings.of(10, 0.25, 1).failedNodes()).isEqualTo(3);
    }
}
