package org.tomprotocol.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.testkit.sim.AbuseResult;
import org.tomprotocol.testkit.sim.AbuseSettings;
import org.tomprotocol.testkit.sim.AbuseSimulation;

/**
 * Lock 5 among real engines (the test kit's simulator, run here where the engine and the crypto suite are on the
 * path): a spammer at 100 times the honest rate against one victim, on virtual time, minting at 100 000 hashes a
 * second. No wall-clock assertion.
 */
class AbuseSimulationTest {
    private static final int SECONDS = 15;

    private static AbuseSettings spammerAt(double spamRate, long hashesPerSecond) {
        return new AbuseSettings(8, 1, spamRate, 1, 1, SECONDS, 0.5, hashesPerSecond, 1);
    }

    @Test
    void theSpammerIsSlowedContinuouslyNeverCutOffAndHonestTrafficKeepsItsLatency() {
        AbuseResult result = AbuseSimulation.run(spammerAt(100, 100_000));

        assertThat(result.baseline().sent()).as("the same honest traffic in both runs")
                .isEqualTo(result.flooded().sent()).isPositive();
        for (AbuseResult.Phase phase : List.of(result.baseline(), result.flooded())) {
            assertThat(phase.delivered()).isEqualTo(phase.sent());
            assertThat(phase.duplicatesToApp()).isZero();
        }
        assertThat(result.honestP99Ratio()).as("honest p99 under the flood over alone").isLessThanOrEqualTo(2.0);
        List<Integer> perSecond = result.spamDeliveredPerSecond();
        assertThat(perSecond).hasSize(SECONDS).allSatisfy(count -> assertThat(count).as("never cut off").isPositive());
        double firstSeconds = (perSecond.get(0) + perSecond.get(1) + perSecond.get(2)) / 3.0;
        double lastSeconds = (perSecond.get(SECONDS - 3) + perSecond.get(SECONDS - 2) + perSecond.get(SECONDS - 1)) / 3.0;
        assertThat(lastSeconds).as("slowed to well under what it first got").isLessThan(firstSeconds / 2);
        assertThat(result.stampsMinted()).isPositive();
        assertThat(result.hashesMinted()).as("each stamp asked is at least 8 bits")
                .isGreaterThanOrEqualTo(result.stampsMinted() * 256);
        assertThat(result.stampChecks()).isPositive();
        assertThat(result.pricesTold()).isPositive();
    }

    @Test
    void whatSlowsTheSpammerIsTheTimeItsStampsTakeToMint() {
        AbuseResult minting = AbuseSimulation.run(spammerAt(100, 100_000));
        AbuseResult freeMinting = AbuseSimulation.run(spammerAt(100, 1_000_000_000_000L));

        assertThat(freeMinting.stampsMinted()).isPositive();
        assertThat(freeMinting.spamDelivered()).as("stamps that cost no time slow nothing")
                .isGreaterThan(freeMinting.spamHanded() * 9 / 10);
        assertThat(minting.spamDelivered()).isLessThan(freeMinting.spamDelivered() * 3 / 4);
    }

    @Test
    void aRunIsDeterministicForItsSeed() {
        AbuseResult first = AbuseSimulation.run(spammerAt(100, 100_000));
        AbuseResult second = AbuseSimulation.run(spammerAt(100, 100_000));

        assertThat(second.spamDeliveredPerSecond()).isEqualTo(first.spamDeliveredPerSecond());
        assertThat(second.flooded()).isEqualTo(first.flooded());
        assertThat(second.hashesMinted()).isEqualTo(first.hashesMinted());
    }
}
