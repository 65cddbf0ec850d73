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
 * Lock 4: each role is earned from proven work — the relay role from recipients' own acknowledgements of chats this
 * node carried, the backup role from copies held until their recipients' proofs of delivery, the hub-candidate role
 * from peers reaching this node window after window — fades with a one-hour half-life once the work stops, with
 * hysteresis, and is earned again by working. Virtual time.
 */
class EarnedRolesTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final long HOUR = 60 * 60_000L;
    private final EarnedRoles roles = new EarnedRoles();
    private final NodeId sender = SUITE.generateIdentity().id();
    private final NodeId recipient = SUITE.generateIdentity().id();
    private static final EarnedRoles.Change EARNED_RELAY = new EarnedRoles.Change(PeerRole.Relay, true);

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
        assertThat(roles.review(0)).as("9 units: not yet").isEmpty();

        relay(2, 60_000);

        assertThat(roles.review(60_000)).containsExactly(EARNED_RELAY);
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

        assertThat(roles.score(PeerRole.Relay, 0)).as("one chat proven, once").isEqualTo(1);
        assertThat(roles.review(0)).isEmpty();
    }

    @Test
    void theRoleFadesWithinTheDocumentedTimeOnceRelayingStopsAndIsEarnedAgainByRelaying() {
        relay(12, 0);
        assertThat(roles.review(0)).containsExactly(EARNED_RELAY);
        long lost = -1;
        for (long now = EarnedRole.REVIEW_MS; now < 10 * HOUR; now += EarnedRole.REVIEW_MS) {
            if (roles.review(now).contains(new EarnedRoles.Change(PeerRole.Relay, false))) {
                lost = now;
                break;
            }
        }
        // log2(12 / 2) = 2.58 half-lives
        assertThat(lost).isBetween((long) (2.5 * HOUR), (long) (2.7 * HOUR));
        assertThat(roles.roles()).containsExactly(PeerRole.Peer);

        relay(10, lost + EarnedRole.REVIEW_MS);
        assertThat(roles.review(lost + EarnedRole.REVIEW_MS)).containsExactly(EARNED_RELAY);
    }

    @Test
    void betweenTheTwoThresholdsTheRoleStaysAsItWas() {
        relay(5, 0);
        assertThat(roles.review(0)).as("5 units do not earn it").isEmpty();
        relay(6, EarnedRole.REVIEW_MS);
        assertThat(roles.review(EarnedRole.REVIEW_MS)).containsExactly(EARNED_RELAY);
        // an hour later about 5.5 units: below the earning threshold, above the losing one
        assertThat(roles.review(HOUR + EarnedRole.REVIEW_MS)).isEmpty();
        assertThat(roles.roles()).contains(PeerRole.Relay);
    }

    @Test
    void copiesHeldUntilTheirRecipientsProofEarnTheBackupRoleWhichFadesWhenHoldingStops() {
        for (int i = 0; i < 9; i++) {
            roles.copyHeldUntilDelivered(0);
        }
        assertThat(roles.review(0)).as("9 copies: not yet").isEmpty();
        roles.copyHeldUntilDelivered(EarnedRole.REVIEW_MS);
        roles.copyHeldUntilDelivered(EarnedRole.REVIEW_MS);

        assertThat(roles.review(EarnedRole.REVIEW_MS)).containsExactly(new EarnedRoles.Change(PeerRole.Backup, true));
        assertThat(roles.roles()).containsExactly(PeerRole.Peer, PeerRole.Backup);
        assertThat(roles.review(3 * HOUR)).as("log2(11 / 2) = 2.5 half-lives later")
                .containsExactly(new EarnedRoles.Change(PeerRole.Backup, false));
    }

    @Test
    void beingReachedByTwoPeersWindowAfterWindowForAboutAnHourEarnsTheHubCandidateRoleAndOnePeerIsNotEnough() {
        NodeId first = SUITE.generateIdentity().id();
        NodeId second = SUITE.generateIdentity().id();
        long earned = -1;
        for (long now = 0; now < 3 * HOUR; now += 30_000) {
            roles.reachedBy(first, now);
            roles.reachedBy(second, now);
            if (!roles.review(now).isEmpty()) {
                earned = now;
                break;
            }
        }
        assertThat(earned).as("seven windows of ten minutes: 2 units each, decaying").isEqualTo(70 * 60_000L);
        assertThat(roles.roles()).containsExactly(PeerRole.Peer, PeerRole.HubCandidate);

        EarnedRoles alone = new EarnedRoles();
        for (long now = 0; now < 5 * HOUR; now += 30_000) {
            alone.reachedBy(first, now);
            assertThat(alone.review(now)).as("one peer only, at %d", now).isEmpty();
        }
    }

    @Test
    void theHubCandidateRoleIsLostWhenPeersStopReachingTheNode() {
        NodeId first = SUITE.generateIdentity().id();
        NodeId second = SUITE.generateIdentity().id();
        long now = 0;
        for (; now < 3 * HOUR; now += 60_000) {
            roles.reachedBy(first, now);
            roles.reachedBy(second, now);
            roles.review(now);
        }
        assertThat(roles.roles()).contains(PeerRole.HubCandidate);
        long lost = -1;
        for (; now < 10 * HOUR; now += 60_000) {
            if (roles.review(now).contains(new EarnedRoles.Change(PeerRole.HubCandidate, false))) {
                lost = now;
                break;
            }
        }
        // about 18 units after three hours, log2(18 / 2) = 3.2 half-lives to fall below 2
        assertThat(lost - 3 * HOUR).isBetween(3 * HOUR, (long) (3.4 * HOUR));
    }
}
