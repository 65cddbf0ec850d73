package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.EngineTestSupport.RecordingTrackerEffects;

class DeliveryTrackerTest {
    private final NodeId bob = node(3);
    private final NodeId relayA = node(10);
    private final NodeId relayB = node(11);
    private final RecordingTrackerEffects effects = new RecordingTrackerEffects();
    private final List<NodeId> relays = new ArrayList<>(List.of(relayA, relayB));
    private boolean direct;
    private final List<String> judgements = new ArrayList<>();
    private final PathSelector paths = new PathSelector() {
        @Override
        public void relayDelivered(NodeId relay, NodeId target, long now) {
            judgements.add("delivered via " + (relay.equals(relayA) ? "A" : "B") + " at " + now);
        }

        @Override
        public void relayLost(NodeId relay, NodeId target, long now) {
            judgements.add("lost via " + (relay.equals(relayA) ? "A" : "B") + " at " + now);
        }

        @Override
        public Path choose(NodeId target, Set<NodeId> excluded, long now) {
            if (direct) {
                return Path.DIRECT;
            }
            return relays.stream().filter(r -> !excluded.contains(r)).findFirst().map(Path::via).orElse(null);
        }

        @Override
        public void acquire(NodeId relay) {
        }

        @Override
        public void release(NodeId relay) {
        }
    };
    private final DeliveryTracker tracker = new DeliveryTracker(paths, effects);

    private OutboundState submit(long now) {
        OutboundState message = new OutboundState(MessageId.random(), bob, new byte[] {1}, now, null);
        assertThat(tracker.submit(message, now)).isTrue();
        return message;
    }

    @Test
    void statusesOnlyMoveForwardAndOnlyTheRecipientDelivers() {
        OutboundState message = submit(0);
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 1);
        tracker.onRelayAck(message.id(), relayA, 2);
        tracker.onRelayAck(message.id(), relayA, 3);
        assertThat(tracker.onRecipientAck(message.id(), relayA, 4)).as("a relay is not the recipient").isFalse();
        assertThat(tracker.onRecipientAck(message.id(), bob, 5)).isTrue();
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 6);
        assertThat(tracker.onRead(message.id(), bob, 7, 7)).isTrue();
        assertThat(effects.currents()).containsExactly(MessageStatus.SENT, MessageStatus.RELAYED,
                MessageStatus.DELIVERED, MessageStatus.READ);
    }

    @Test
    void aMissingRelayAckReroutesThroughAnotherRelayWithTheSameId() {
        OutboundState message = submit(0);
        var timer = effects.lastTimer(TrackerTimer.RELAY_ACK);
        assertThat(timer.deadline()).isEqualTo(5_000);
        tracker.onTimer(TrackerTimer.RELAY_ACK, message.id(), timer.generation(), 5_000);
        assertThat(effects.transmissions).containsExactly(Path.via(relayA), Path.via(relayB));
        tracker.onRecipientAck(message.id(), bob, 6_000);
        assertThat(effects.currents()).containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
    }

    @Test
    void aRelayThatConfirmsForwardingButWhoseRecipientNeverAcknowledgesIsJudgedLostAndBypassedWithinTwoSeconds() {
        OutboundState message = submit(0);
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 1);
        assertThat(tracker.onRelayAck(message.id(), relayA, 10)).isTrue();
        var timer = effects.lastTimer(TrackerTimer.RELAYED_ACK);
        assertThat(timer.deadline()).isEqualTo(10 + ProtocolConstants.RELAYED_ACK_TIMEOUT_MS);

        tracker.onTimer(TrackerTimer.RELAYED_ACK, message.id(), timer.generation(), timer.deadline());

        assertThat(effects.transmissions).containsExactly(Path.via(relayA), Path.via(relayB));
        assertThat(judgements).containsExactly("lost via A at 2010");
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 2_011);
        tracker.onRelayAck(message.id(), relayB, 2_020);
        assertThat(effects.lastTimer(TrackerTimer.RELAYED_ACK).generation())
                .as("the new relay's confirmation starts its own wait").isEqualTo(message.routeGeneration());
        assertThat(tracker.onRecipientAck(message.id(), bob, 2_030)).isTrue();
        assertThat(judgements).containsExactly("lost via A at 2010", "delivered via B at 2030");
        assertThat(effects.currents()).containsExactly(MessageStatus.SENT, MessageStatus.RELAYED,
                MessageStatus.DELIVERED);
    }

    @Test
    void aRelayThatDeliversIsCreditedOnlyWhenTheRecipientAcknowledges() {
        OutboundState message = submit(0);
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 1);
        assertThat(tracker.onRelayAck(message.id(), relayB, 2)).as("B is not on the path").isFalse();
        tracker.onRelayAck(message.id(), relayA, 3);
        assertThat(judgements).as("a relay's own acknowledgement earns nothing").isEmpty();

        tracker.onRecipientAck(message.id(), bob, 4);

        assertThat(judgements).containsExactly("delivered via A at 4");
        var timer = effects.lastTimer(TrackerTimer.RELAYED_ACK);
        tracker.onTimer(TrackerTimer.RELAYED_ACK, message.id(), timer.generation(), timer.deadline());
        assertThat(judgements).as("a delivered message is never judged lost").hasSize(1);
    }

    @Test
    void aRelayedMessageUnacknowledgedAtTheDeadlineCountsAgainstItsRelayEvenAfterTheRelayConfirmed() {
        OutboundState message = new OutboundState(MessageId.random(), bob, new byte[] {1}, 0, Path.via(relayA));
        tracker.submit(message, 0);
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 1);
        tracker.onRelayAck(message.id(), relayA, 2);
        var deadline = effects.lastTimer(TrackerTimer.ACK_DEADLINE);

        tracker.onTimer(TrackerTimer.ACK_DEADLINE, message.id(), deadline.generation(), deadline.deadline());

        assertThat(judgements).containsExactly("lost via A at 30000");
    }

    @Test
    void staleTimersAreIgnored() {
        OutboundState message = submit(0);
        int firstGeneration = effects.lastTimer(TrackerTimer.RELAY_ACK).generation();
        tracker.onTransmitted(message.id(), firstGeneration, false, 10);
        tracker.onTimer(TrackerTimer.RELAY_ACK, message.id(), firstGeneration, 5_000);
        assertThat(effects.transmissions).hasSize(2);
    }

    /** Fires, in deadline order, the attempt and lifetime timers due by {@code until} (acks never come). */
    private void runAttemptTimersUntil(OutboundState message, long until) {
        java.util.PriorityQueue<EngineTestSupport.RecordingTrackerEffects.Timer> due = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingLong(EngineTestSupport.RecordingTrackerEffects.Timer::deadline));
        int seen = 0;
        while (true) {
            effects.timers.subList(seen, effects.timers.size()).stream()
                    .filter(t -> Set.of(TrackerTimer.ACK_DEADLINE, TrackerTimer.NEXT_ROUND, TrackerTimer.EXPIRY)
                            .contains(t.timer()))
                    .forEach(due::add);
            seen = effects.timers.size();
            if (due.isEmpty() || due.peek().deadline() > until) {
                return;
            }
            var timer = due.poll();
            tracker.onTimer(timer.timer(), message.id(), timer.generation(), timer.deadline());
            if (timer.timer() != TrackerTimer.EXPIRY && message.status() != MessageStatus.FAILED) {
                tracker.onTransmitted(message.id(), message.routeGeneration(), true, timer.deadline());
            }
        }
    }

    @Test
    void afterTwoRetriesTheSenderKeepsTryingInRoundsThatBackOffToTenMinutes() {
        direct = true;
        OutboundState message = submit(0);
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 1);

        runAttemptTimersUntil(message, 90_000);

        assertThat(effects.transmissions).as("the first round: an attempt and two retries").hasSize(3);
        assertThat(message.status()).as("no longer given up after 90 s").isEqualTo(MessageStatus.SENT);
        List<Long> roundStarts = new ArrayList<>();
        long previousRoundAt = 90_000;
        for (int round = 0; round < 8; round++) {
            var next = effects.lastTimer(TrackerTimer.NEXT_ROUND);
            roundStarts.add(next.deadline() - previousRoundAt);
            runAttemptTimersUntil(message, next.deadline() + 3 * 30_000);
            previousRoundAt = next.deadline() + 3 * 30_000;
        }
        assertThat(roundStarts).as("waits between rounds").containsExactly(30_000L, 60_000L, 120_000L, 240_000L,
                480_000L, 600_000L, 600_000L, 600_000L);
        assertThat(effects.transmissions).hasSize(3 + 8 * 3);
    }

    @Test
    void aMessageFailsWhenItsTwentyFourHoursAreOverAndNotBefore() {
        direct = true;
        OutboundState message = submit(0);
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 1);
        long lifetime = java.time.Duration.ofHours(24).toMillis();

        runAttemptTimersUntil(message, lifetime - 1);
        assertThat(message.status()).isEqualTo(MessageStatus.SENT);
        runAttemptTimersUntil(message, lifetime);

        assertThat(effects.statuses).last().satisfies(status -> {
            assertThat(status.current()).isEqualTo(MessageStatus.FAILED);
            assertThat(status.failure()).isEqualTo(DeliveryFailedException.Reason.NO_ACKNOWLEDGEMENT);
            assertThat(status.at()).isEqualTo(lifetime);
        });
        // a round is three attempts of 30 s after a wait of at most 10 min: 24 h hold about 125 of them
        assertThat(effects.transmissions.size()).as("three attempts a round, a round every 11.5 min at most")
                .isBetween(3 * 120, 3 * 135);
        assertThat(tracker.onRecipientAck(message.id(), bob, lifetime + 1)).as("a late ack changes nothing").isFalse();
        assertThat(tracker.inFlightCount()).isZero();
    }

    @Test
    void aRecipientSeenAgainStartsTheNextRoundAtOnce() {
        direct = true;
        OutboundState message = submit(0);
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 1);
        runAttemptTimersUntil(message, 90_000);
        assertThat(effects.transmissions).hasSize(3);

        tracker.onPeerReachable(bob, 95_000);

        assertThat(effects.transmissions).as("sent again when bob is back, not at the end of the backoff")
                .hasSize(4);
        assertThat(tracker.onRecipientAck(message.id(), bob, 95_050)).isTrue();
        assertThat(message.status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void aMessageWithoutARouteIsSentAtOnceWhenItsRecipientIsSeen() {
        relays.clear();
        OutboundState message = submit(0);
        assertThat(effects.transmissions).isEmpty();
        relays.add(relayA);

        tracker.onPeerReachable(bob, 700);

        assertThat(effects.transmissions).as("not at the next route timer, 5 s later").containsExactly(Path.via(relayA));
        tracker.onPeerReachable(bob, 800);
        assertThat(effects.transmissions).as("a relay that has not confirmed may not know bob: sent again")
                .hasSize(2);
        assertThat(judgements).as("without blaming the relay").isEmpty();
        tracker.onRelayAck(message.id(), relayA, 850);
        tracker.onPeerReachable(bob, 900);
        assertThat(effects.transmissions).as("a confirmed relay is left to do its work").hasSize(2);
    }

    @Test
    void aPeerSeenDuringAnAttemptChangesNothing() {
        direct = true;
        OutboundState message = submit(0);
        tracker.onTransmitted(message.id(), message.routeGeneration(), true, 1);

        tracker.onPeerReachable(bob, 10_000);

        assertThat(effects.transmissions).hasSize(1);
    }

    @Test
    void withoutAnyPathTheMessageFailsWithNoRoute() {
        relays.clear();
        OutboundState message = submit(0);
        java.util.PriorityQueue<EngineTestSupport.RecordingTrackerEffects.Timer> due = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingLong(EngineTestSupport.RecordingTrackerEffects.Timer::deadline));
        int seen = 0;
        while (message.status() != MessageStatus.FAILED) {
            due.addAll(effects.timers.subList(seen, effects.timers.size()));
            seen = effects.timers.size();
            var timer = due.poll();
            assertThat(timer).as("a timer is always pending until the message ends").isNotNull();
            tracker.onTimer(timer.timer(), message.id(), timer.generation(), timer.deadline());
        }
        assertThat(effects.statuses).last().satisfies(status ->
                assertThat(status.failure()).isEqualTo(DeliveryFailedException.Reason.NO_ROUTE));
        assertThat(effects.transmissions).isEmpty();
    }

    @Test
    void reroutesAreCappedAtThree() {
        relays.addAll(List.of(node(12), node(13), node(14)));
        OutboundState message = submit(0);
        for (int i = 0; i < 6; i++) {
            tracker.onTransmitted(message.id(), message.routeGeneration(), false, i);
        }
        assertThat(effects.transmissions).hasSize(4);
    }

    @Test
    void losingTheRelaySessionReroutesAtOnce() {
        OutboundState message = submit(0);
        tracker.onSessionLost(relayA, 100);
        assertThat(effects.transmissions).containsExactly(Path.via(relayA), Path.via(relayB));
    }

    @Test
    void aReadReceiptBeforeTheAckIsAppliedRightAfterDelivery() {
        OutboundState message = submit(0);
        tracker.onRead(message.id(), bob, 5, 5);
        tracker.onRecipientAck(message.id(), bob, 6);
        assertThat(effects.currents()).containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ);
    }

    @Test
    void failAllEndsEveryMessageInFlight() {
        OutboundState first = submit(0);
        OutboundState second = submit(0);
        tracker.failAll(DeliveryFailedException.Reason.NODE_CLOSED, 10);
        assertThat(effects.statuses).filteredOn(s -> s.current() == MessageStatus.FAILED)
                .extracting(EngineTestSupport.RecordingTrackerEffects.Status::id)
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(tracker.inFlightCount()).isZero();
    }
}
