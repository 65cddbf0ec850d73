package org.tomprotocol.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomprotocol.testkit.gossip.BroadcastStats;
import org.tomprotocol.testkit.gossip.GossipSimulation;
import org.tomprotocol.testkit.gossip.GossipSimulationResult;
import org.tomprotocol.testkit.gossip.SimulationSettings;

/** The papers' failure experiment with this provider (the CI variant of docs/gossip.md's 10 000-node table). */
class GossipSimulationTest {

    @ParameterizedTest(name = "fail {0}")
    @ValueSource(doubles = {0.1, 0.3, 0.5})
    void aThousandNodesReachFullReliabilityAgainAfterLosingUpToHalfOfThem(double failFraction) {
        GossipSimulationResult result = GossipSimulation.run(SimulationSettings.of(1_000, failFraction, 1));

        assertThat(result.provider()).isEqualTo("gossip");
        assertThat(result.liveNodes()).isEqualTo(1_000 - (int) Math.round(1_000 * failFraction));
        assertThat(result.steadyState().reliability()).as("before the failure").isEqualTo(1.0);
        assertThat(result.firstAfterFailure().reliability()).as("first broadcast after the failure")
                .isGreaterThan(0.8);
        assertThat(result.afterRecovery().reliability()).as("after the recovery rounds").isEqualTo(1.0);
        assertThat(result.healed()).isTrue();
        assertThat(result.roundsToHeal()).isLessThanOrEqualTo(3);
        assertThat(result.rounds().subList(result.roundsToHeal(), result.rounds().size()))
                .allMatch(BroadcastStats::complete);
        assertThat(result.overlayAfterRecovery().components()).isEqualTo(1);
        assertThat(result.overlayAfterRecovery().isolatedNodes()).isZero();
        assertThat(result.counts().sendsWithoutAddress()).isZero();
        assertThat(result.counts().rejected()).isZero();
        assertThat(result.counts().duplicateDeliveries()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        SimulationSettings settings = SimulationSettings.of(300, 0.4, 99).withRounds(3, 4, 1_000);

        GossipSimulationResult first = GossipSimulation.run(settings);
        GossipSimulationResult second = GossipSimulation.run(settings);
        GossipSimulationResult otherSeed = GossipSimulation.run(SimulationSettings.of(300, 0.4, 100)
                .withRounds(3, 4, 1_000));

        assertThat(second.withoutWallTime()).isEqualTo(first.withoutWallTime());
        assertThat(otherSeed.withoutWallTime()).isNotEqualTo(first.withoutWallTime());
    }
}
