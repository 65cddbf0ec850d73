package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * A group's stream, hub side and member side: the hub orders each member's message once (a resend keeps its place),
 * keeps 24 hours, and answers syncs; a member shows messages in the hub's order, holds them behind a gap and names
 * what to ask for, and never shows one twice — not when a new hub orders a resent message again after a failover.
 */
class GroupStreamTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private static final long NOW = 1_767_225_600_000L;
    private final LocalIdentity founder = SUITE.generateIdentity();
    private final LocalIdentity outsider = SUITE.generateIdentity();
    private final GroupMembership membership = GroupMembership.founded(SignedGroupStatement.sign(
            new GroupStatement.Create("grp-" + UUID.randomUUID(), "g", founder.id(), NOW), founder), SUITE)
            .orElseThrow();
    private final SignedGroupStatement item = SignedGroupStatement.sign(
            new GroupStatement.Leave(membership.group(), founder.id(), NOW), founder);

    private static GroupHubLog.Ordered placed(GroupHubLog.Ordering ordering) {
        return ((GroupHubLog.Ordering.Placed) ordering).message();
    }

    private static List<Long> seqs(GroupInbox.Arrival arrival) {
        return ((GroupInbox.Arrival.Deliver) arrival).messages().stream().map(GroupHubLog.Ordered::seq).toList();
    }

    @Test
    void theHubOrdersEachMessageOnceAndAResendKeepsItsPlace() {
        GroupHubLog hub = new GroupHubLog(1, membership);
        MessageId first = MessageId.random();
        assertThat(placed(hub.order(founder.id(), first, item, NOW)).seq()).isEqualTo(1);
        assertThat(placed(hub.order(founder.id(), MessageId.random(), item, NOW)).seq()).isEqualTo(2);

        GroupHubLog.Ordering again = hub.order(founder.id(), first, item, NOW + 5);
        assertThat(((GroupHubLog.Ordering.Placed) again).again()).isTrue();
        assertThat(placed(again).seq()).isEqualTo(1);
        assertThat(hub.lastSeq()).isEqualTo(2);
        assertThat(hub.order(outsider.id(), MessageId.random(), item, NOW))
                .isEqualTo(new GroupHubLog.Ordering.Refused("not-a-member"));
    }

    @Test
    void theHubAnswersASyncWithWhatFollowedAndForgetsAfter24Hours() {
        GroupHubLog hub = new GroupHubLog(1, membership);
        for (int i = 0; i < 5; i++) {
            hub.order(founder.id(), MessageId.random(), item, NOW + i * 3_600_000L);
        }
        assertThat(hub.since(2, 10)).extracting(GroupHubLog.Ordered::seq).containsExactly(3L, 4L, 5L);
        assertThat(hub.since(0, 2)).extracting(GroupHubLog.Ordered::seq).containsExactly(1L, 2L);

        hub.purge(NOW + 24 * 3_600_000L + 3_600_000L);
        assertThat(hub.firstKept()).as("the first two are 24 h old").isEqualTo(3);
        assertThat(hub.since(0, 10)).extracting(GroupHubLog.Ordered::seq).containsExactly(3L, 4L, 5L);
    }

    @Test
    void aMemberShowsInOrderHoldsBehindAGapAndDropsWhatItHas() {
        GroupHubLog hub = new GroupHubLog(1, membership);
        List<GroupHubLog.Ordered> stream = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> placed(hub.order(founder.id(), MessageId.random(), item, NOW)))
                .toList();
        GroupInbox inbox = new GroupInbox(1);

        assertThat(seqs(inbox.arrive(stream.get(0), NOW))).containsExactly(1L);
        assertThat(inbox.arrive(stream.get(2), NOW)).isEqualTo(new GroupInbox.Arrival.Gap(2));
        assertThat(inbox.arrive(stream.get(3), NOW)).isEqualTo(new GroupInbox.Arrival.Gap(2));
        assertThat(seqs(inbox.arrive(stream.get(1), NOW))).as("the gap filled: all three").containsExactly(2L, 3L, 4L);
        assertThat(inbox.arrive(stream.get(2), NOW)).isEqualTo(new GroupInbox.Arrival.Duplicate());
        assertThat(inbox.nextSeq()).isEqualTo(5);
    }

    @Test
    void aMessageOrderedAgainByANewHubAfterAFailoverIsNotShownTwice() {
        GroupHubLog old = new GroupHubLog(1, membership);
        MessageId resent = MessageId.random();
        GroupInbox inbox = new GroupInbox(1);
        assertThat(seqs(inbox.arrive(placed(old.order(founder.id(), resent, item, NOW)), NOW)))
                .containsExactly(1L);

        // the old hub died before confirming it to the sender, which sends it again to the new hub
        GroupHubLog successor = new GroupHubLog(2, membership);
        GroupHubLog.Ordered again = placed(successor.order(founder.id(), resent, item, NOW + 3_000));
        GroupHubLog.Ordered next = placed(successor.order(founder.id(), MessageId.random(), item, NOW + 3_001));

        assertThat(inbox.arrive(again, NOW + 3_000)).isEqualTo(new GroupInbox.Arrival.Duplicate());
        assertThat(inbox.epoch()).isEqualTo(2);
        assertThat(seqs(inbox.arrive(next, NOW + 3_001))).containsExactly(2L);
        assertThat(inbox.arrive(placed(old.order(founder.id(), MessageId.random(), item, NOW + 4_000)),
                NOW + 4_000)).as("the deposed hub's stream").isEqualTo(new GroupInbox.Arrival.StaleEpoch());
    }

    @Test
    void aMemberAwayLongerThanTheHubKeepsSkipsWhatIsGoneAndLearnsHowMuch() {
        GroupInbox inbox = new GroupInbox(1);
        NodeId sender = founder.id();
        GroupHubLog.Ordered ninth = new GroupHubLog.Ordered(1, 9, sender, MessageId.random(), item, NOW);
        assertThat(inbox.arrive(ninth, NOW)).isEqualTo(new GroupInbox.Arrival.Gap(1));

        GroupInbox.Skip skip = inbox.skipTo(9, NOW);

        assertThat(skip.missed()).isEqualTo(8);
        assertThat(skip.deliver()).extracting(GroupHubLog.Ordered::seq).containsExactly(9L);
        assertThat(inbox.nextSeq()).isEqualTo(10);
    }

    @Test
    void whatTheStreamsHoldIsCountedAndGoneAfter24Hours() {
        GroupHubLog hub = new GroupHubLog(1, membership);
        GroupInbox inbox = new GroupInbox(1);
        for (int i = 0; i < 3; i++) {
            hub.order(founder.id(), MessageId.random(), item, NOW);
        }
        inbox.arrive(new GroupHubLog.Ordered(1, 5, founder.id(), MessageId.random(), item, NOW), NOW);
        assertThat(hub.messagesHeld() + inbox.messagesHeld()).as("3 kept by the hub, 1 held behind a gap")
                .isEqualTo(4);

        hub.purge(NOW + 24 * 3_600_000L);
        inbox.purge(NOW + 24 * 3_600_000L);

        assertThat(hub.messagesHeld() + inbox.messagesHeld()).isZero();
    }
}
