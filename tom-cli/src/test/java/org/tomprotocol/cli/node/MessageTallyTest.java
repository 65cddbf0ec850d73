package org.tomprotocol.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PathChange;
import org.tomprotocol.api.PathKind;

/** The summary {@code tom node --send-to} prints, which the NAT lab reads. */
class MessageTallyTest {
    private static final NodeId PEER = NodeId.of(new byte[32]);
    private static final long SWITCH_AT = 10_000;

    private static PathChange change(PathKind from, PathKind to, long atMillis, long sinceFirstMillis) {
        return new PathChange(PEER, from, to, Duration.ofMillis(sinceFirstMillis), Instant.ofEpochMilli(atMillis));
    }

    @Test
    void countsOutcomesPathsAndTheShareOfDirectDeliveriesAfterTheFirstSwitch() {
        MessageTally tally = new MessageTally();
        for (int i = 0; i < 6; i++) {
            tally.sent();
        }
        tally.settled(9_000, true, false);
        tally.pathChanged(change(PathKind.RELAY, PathKind.DIRECT, SWITCH_AT, 366));
        tally.settled(10_100, true, true);
        tally.settled(10_200, true, true);
        tally.pathChanged(change(PathKind.DIRECT, PathKind.RELAY, 10_300, 1_300));
        tally.settled(10_400, true, false);
        tally.pathChanged(change(PathKind.RELAY, PathKind.DIRECT, 12_000, 3_000));
        tally.settled(12_100, false, false);

        Map<String, Object> summary = tally.summary(PEER);

        assertThat(summary).containsEntry("to", PEER.toHex()).containsEntry("sent", 6).containsEntry("delivered", 4)
                .containsEntry("unsettled", 1).containsEntry("direct", 2).containsEntry("relayed", 2)
                .containsEntry("time_to_direct_ms", 366L).containsEntry("sent_after_switch", 4)
                .containsEntry("direct_fraction_after_switch", 0.5).containsEntry("switches_to_direct", 2)
                .containsEntry("fallbacks", 1);
    }

    @Test
    void withoutAnySwitchTheFractionAndTheTimeAreNull() {
        MessageTally tally = new MessageTally();
        tally.sent();
        tally.settled(1, true, false);

        Map<String, Object> summary = tally.summary(PEER);

        assertThat(summary.get("time_to_direct_ms")).isNull();
        assertThat(summary.get("direct_fraction_after_switch")).isNull();
        assertThat(summary).containsEntry("relayed", 1).containsEntry("fallbacks", 0);
    }
}
