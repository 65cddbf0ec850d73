package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;

class ReplayWindowTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private final NodeId alice = node(1);
    private final NodeId bob = node(2);

    @Test
    void aDeliveredMessageIsRecognisedForAsLongAsItsEnvelopeIsAccepted() {
        ReplayWindow window = new ReplayWindow(1_000);
        MessageId id = MessageId.random();
        long sent = 10 * HOUR;
        assertThat(window.check(alice, id, sent)).isEqualTo(ReplayWindow.Verdict.NEW);
        window.remember(alice, id, sent);

        window.purge(sent + 23 * HOUR + 59 * 60_000);
        assertThat(window.check(alice, id, sent)).isEqualTo(ReplayWindow.Verdict.SEEN);
        assertThat(window.check(bob, id, sent)).as("the same id from another sender").isEqualTo(ReplayWindow.Verdict.NEW);
        assertThat(window.check(alice, MessageId.random(), sent)).isEqualTo(ReplayWindow.Verdict.NEW);

        window.purge(sent + ProtocolConstants.MAX_AGE_MS + 2 * 60_000);
        assertThat(window.messagesHeld()).as("gone once the envelope itself would be refused as expired").isZero();
    }

    @Test
    void whenFullTheOldestMinuteIsDroppedAndEnvelopesOlderThanTheWindowAreRefusedNeverRedelivered() {
        ReplayWindow window = new ReplayWindow(3);
        MessageId[] ids = new MessageId[4];
        for (int minute = 0; minute < 4; minute++) {
            ids[minute] = MessageId.random();
            window.remember(alice, ids[minute], minute * 60_000L + 5);
        }

        assertThat(window.messagesHeld()).isEqualTo(3);
        assertThat(window.floor()).isEqualTo(60_000);
        assertThat(window.check(alice, ids[0], 5)).isEqualTo(ReplayWindow.Verdict.BELOW_FLOOR);
        assertThat(window.check(bob, MessageId.random(), 59_999)).isEqualTo(ReplayWindow.Verdict.BELOW_FLOOR);
        assertThat(window.check(alice, ids[1], 60_005)).isEqualTo(ReplayWindow.Verdict.SEEN);
        assertThat(window.check(alice, ids[3], 180_005)).isEqualTo(ReplayWindow.Verdict.SEEN);
    }
}
