package org.tomprotocol.lab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tomprotocol.testkit.sim.OfflineResult;
import org.tomprotocol.testkit.sim.OfflineSettings;
import org.tomprotocol.testkit.sim.OfflineSimulation;

/**
 * Offline delivery on real engines with durable nodes that come and go (the test kit's simulator, run here where
 * the engine and the crypto suite are on the path). Virtual time throughout; no wall-clock assertion.
 */
class OfflineSimulationTest {
    @Test
    void withAThirdOfTheNodesOfflineEveryMessageWhoseRecipientReturnsIsDeliveredOnceSoonAfterItsReturn() {
        OfflineResult result = OfflineSimulation.run(OfflineSettings.of(8, 60, 0.3, 30, 1, 0, 7));

        assertThat(result.sent()).isEqualTo(60);
        assertThat(result.duplicatesToApp()).isZero();
        assertThat(result.bytesLeftAfter24h()).isZero();
        assertThat(result.recipientOfflineAtSend()).as("the churn took recipients away").isPositive();
        assertThat(result.restarts()).isPositive();
        assertThat(result.restartsRejoined()).as("the peer book alone brings a node back").isEqualTo(result.restarts());
        assertThat(result.reachableButUndelivered()).as("undelivered although the recipient came back").isZero();
        assertThat(result.deliveredWithin24h()).isEqualTo(result.delivered());
        // rounds back off up to 10 min: a median this low means the return itself started delivery
        assertThat(result.afterBothOnlineP50Millis()).as("delivered within seconds of both ends being up")
                .isLessThan(30_000);
        assertThat(result.replicasMax()).as("copies held in other nodes' stores, not only the sender's outbox")
                .isGreaterThan(1);
        // held by others, a message no longer waits for its sender: it moves on the recipient's return
        assertThat(result.afterReturnP50Millis()).as("delivered within a second of the recipient's return")
                .isLessThan(1_000);
    }

    @Test
    void messagesToARecipientThatNeverReturnsFailAtTheEndOfTheirLifetimeAndLeaveNothingStored() {
        OfflineResult result = OfflineSimulation.run(OfflineSettings.of(6, 30, 0, 30, 1, 0, 3).withNeverReturning(1));

        assertThat(result.toNeverReturning()).as("some messages went to the node that left").isPositive();
        assertThat(result.expired()).isEqualTo(result.toNeverReturning());
        assertThat(result.failedAtLifetimeEnd()).as("their senders, up all along, saw them fail at 24 h")
                .isEqualTo(result.toNeverReturning());
        assertThat(result.delivered()).isEqualTo(result.sent() - result.toNeverReturning());
        assertThat(result.bytesLeftAfter24h()).isZero();
    }
}
