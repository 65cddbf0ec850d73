package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.Stamp;
import org.tomprotocol.crypto.TomV1Suite;

/**
 * The stamps origins owe, checked before a chat's signature: a chat of an origin asked for a stamp is unpaid without
 * one of that difficulty over its own id; nothing else is, and no debt outlives its price or the bound.
 */
class OwedStampsTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private final NodeId flooder = SUITE.generateIdentity().id();
    private final NodeId recipient = SUITE.generateIdentity().id();
    private final OwedStamps owed = new OwedStamps();

    private Envelope envelope(MessageType type) {
        return Envelope.unsigned(MessageId.random(), flooder, recipient, List.of(), type, new byte[] {1}, 0, false);
    }

    private static long stamp(Envelope envelope, int bits) {
        return Stamp.mint(Stamp.subject(envelope.id(), envelope.from(), envelope.to()), bits);
    }

    @Test
    void aChatOfAnOriginThatOwesIsUnpaidWithoutItsOwnStampOfTheDifficultyAsked() {
        owed.owe(flooder, 10, 0, 60_000);
        Envelope chat = envelope(MessageType.Chat);
        Envelope other = envelope(MessageType.Chat);

        assertThat(owed.unpaid(chat, OptionalLong.empty(), 1_000)).isTrue();
        assertThat(owed.unpaid(chat, OptionalLong.of(stamp(other, 10)), 1_000)).as("another chat's stamp").isTrue();
        assertThat(owed.unpaid(chat, OptionalLong.of(stamp(chat, 10)), 1_000)).isFalse();
        assertThat(owed.unpaid(envelope(MessageType.Ack), OptionalLong.empty(), 1_000)).as("only chats").isFalse();
        assertThat(owed.unpaid(chat, OptionalLong.empty(), 60_000)).as("the price expired").isFalse();
        owed.owe(flooder, 0, 2_000, 62_000);
        assertThat(owed.unpaid(chat, OptionalLong.empty(), 2_000)).as("a price of nothing").isFalse();
    }

    @Test
    void atMostCapacityOriginsOweAndExpiredDebtsMakeRoom() {
        for (int i = 0; i < OwedStamps.CAPACITY + 100; i++) {
            owed.owe(SUITE.generateIdentity().id(), 8, 0, 1_000);
        }
        assertThat(owed.size()).isEqualTo(OwedStamps.CAPACITY);

        owed.owe(flooder, 8, 1_000, 61_000);

        assertThat(owed.size()).isEqualTo(1);
        assertThat(owed.unpaid(envelope(MessageType.Chat), OptionalLong.empty(), 1_500)).isTrue();
    }
}
