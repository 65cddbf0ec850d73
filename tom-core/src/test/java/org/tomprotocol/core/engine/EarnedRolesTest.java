package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.AckPayload;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.PeerRole;
import org.tomprotocol.crypto.TomV1Suite;

/**
 * Lock 4: the relay role is earned from proven work — recipients' own acknowledgements of chats this node carried —
 * fades with a one-hour half-life once the work stops, with hysteresis, and is earned again by working. Virtual time.
 */
class EarnedRolesTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final long HOUR = 60 * 60_000L;
    private final EarnedRoles roles = new EarnedRoles();
    private final NodeId sender = SUITE.generateIdentity().id();
    private final NodeId recipient = SUITE.generateIdentity().id();

    /** Carries {@code count} chats from sender to recipient at {@code now}, each acknowledged by its recipient. */
    private void relay(int count, long now) {
        for (int i = 0; i < count; i++) {
            MessageId id = MessageId.random();
            roles.carried(id, sender, recipient, now);
            roles.acknowledgementCarried(new AckPayload(id, AckType.RecipientReceived), recipient, sender, now);
        }
    }

    @Test
    void aNodeStartsAsAPeerAndEarnsTheRelayRoleByProvenRelayWork() {
        assertThat(roles.roles()).containsExactly(PeerRole.Peer);
        relay(9, 0);
        assertThat(roles.review(0)).as("9 units: not yet").isZero();

        relay(2, 60_000);

        assertThat(roles.review(60_000)).isEqualTo(1);
        assertThat(roles.roles()).containsExactly(PeerRole.Peer, PeerRole.Relay);
    }

    @Test
    void aRelaysOwnWordAForgedAcknowledgementOrOneForAChatItNeverCarriedEarnNothing() {
        for (int i = 0; i < 20; i++) {
            MessageId id = MessageId.random();
            roles.carried(id, sender, recipient, 0);
            roles.acknowledgementCarried(new AckPayload(id, AckType.RelayForwarded), recipient, sender, 0);
            NodeId someoneElse = SUITE.generateIdentity().id();
            roles.acknowledgementCarried(new AckPayload(id, AckType.RecipientReceived), someoneElse, sender, 0);
            roles.acknowledgementCarried(new AckPayload(MessageId.random(), AckType.RecipientReceived), recipient,
                    sender, 0);
        }
        MessageId once = MessageId.random();
        roles.carried(once, sender, recipient, 0);
        for (int i = 0; i < 20; i++) {
            roles.acknowledgementCarried(new AckPayload(once, AckType.RecipientReceived), recipient, sender, 0);
        }

        assertThat(roles.relayScore(0)).as("one chat proven, once").isEqualTo(1);
        assertThat(roles.review(0)).isZero();
    }

    @Test
    void theRoleFadesWithinTheDocumentedTimeOnceRelayingStopsAndIsEarnedAgainByRelaying() {
        relay(12, 0);
        assertThat(roles.review(0)).isEqualTo(1);
        long lost = -1;
        for (long now = EarnedRoles.REVIEW_MS; now < 10 * HOUR; now += EarnedRoles.REVIEW_MS) {
            if (roles.review(now) == -1) {
                lost = now;
                break;
            }
        }
        // log2(12 / 2) = 2.58 half-lives
        assertThat(lost).isBetween((long) (2.5 * HOUR), (long) (2.7 * HOUR));
        assertThat(roles.roles()).containsExactly(PeerRole.Peer);

        relay(10, lost + EarnedRoles.REVIEW_MS);
        assertThat(roles.review(lost + EarnedRoles.REVIEW_MS)).isEqualTo(1);
    }

    @Test
    void betweenTheTwoThresholdsTheRoleStaysAsItWas() {
        relay(5, 0);
        assertThat(roles.review(0)).as("5 units do not earn it").isZero();
        relay(6, EarnedRoles.REVIEW_MS);
        assertThat(roles.review(EarnedRoles.REVIEW_MS)).isEqualTo(1);
        // an hour later about 5.5 units: below the earning threshold, above the losing one
        assertThat(roles.review(HOUR + EarnedRoles.REVIEW_MS)).isZero();
        assertThat(roles.roles()).contains(PeerRole.Relay);
    }
}
