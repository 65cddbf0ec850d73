package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.PricePayload;

/**
 * What this node's messages pay: the highest stamp asked on their path, while the price holds — counted from when it
 * was signed, so a price replayed later holds for nothing — never more than this node mints, and only to a first hop
 * that reads stamped frames.
 */
class OutboundStampsTest {
    private static final NodeId LOCAL = node(1);
    private static final NodeId RELAY = node(2);
    private static final NodeId RECIPIENT = node(3);

    private final OutboundStamps stamps = new OutboundStamps(LOCAL, new PeerTable(LOCAL, (peer, state, now) -> { }));

    @Test
    void aMessagePaysTheHighestStampAskedOnItsPathWhileThePriceHolds() {
        stamps.priced(RELAY, new PricePayload(9, 0, 60_000), 1_000, 1_000);
        stamps.priced(RECIPIENT, new PricePayload(12, 0, 60_000), 1_000, 1_000);

        assertThat(stamps.stampBits(RECIPIENT, Path.via(RELAY), 2_000)).isEqualTo(12);
        assertThat(stamps.stampBits(RECIPIENT, Path.via(RELAY), 61_000)).as("the prices expired").isZero();
    }

    @Test
    void aPriceHoldsFromWhenItWasSignedSoOneReplayedLaterHoldsForNothing() {
        stamps.priced(RECIPIENT, new PricePayload(12, 0, 60_000), 0, 3_600_000);

        assertThat(stamps.stampBits(RECIPIENT, Path.via(RELAY), 3_600_000)).isZero();
        assertThat(stamps.readsStamped(RELAY, 3_600_000)).isFalse();
    }

    @Test
    void aPriceOfNothingClearsTheOneBeforeAndStampsPastWhatThisNodeMintsAreNotMinted() {
        stamps.showedItReads(RELAY, 0);
        stamps.priced(RECIPIENT, new PricePayload(12, 0, 60_000), 0, 0);
        stamps.priced(RECIPIENT, new PricePayload(0, 0, 60_000), 100, 100);
        assertThat(stamps.stampBits(RECIPIENT, Path.via(RELAY), 200)).isZero();

        stamps.priced(RECIPIENT, new PricePayload(24, 0, 60_000), 300, 300);
        assertThat(stamps.stampBits(RECIPIENT, Path.via(RELAY), 400)).as("past 20 bits").isZero();
        stamps.mintAtMost(28);
        assertThat(stamps.stampBits(RECIPIENT, Path.via(RELAY), 400)).isEqualTo(24);
    }
}
