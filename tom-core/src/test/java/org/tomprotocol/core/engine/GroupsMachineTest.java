package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupRole;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.core.engine.GroupSwitchboard.Node;
import org.tomprotocol.core.wire.GroupFrame;

/**
 * Groups end to end between pure machines (docs/groups.md): a founder invites, invitees join through the hub, posts
 * are ordered by the hub and reach every other member once and in order, each member's receipt reaches the sender; a
 * lost frame is sent again; a newcomer reads from its join on; a member that leaves or is removed stops receiving.
 */
class GroupsMachineTest {
    private final GroupSwitchboard board = new GroupSwitchboard();
    private final Node alice = board.node();
    private final Node bob = board.node();
    private final Node carol = board.node();
    private final GroupId group = GroupId.random();

    /** Alice founds the group (she is its hub) and brings in {@code members}. */
    private void founded(Node... members) {
        alice.command(group, machine -> machine.create(group, "friends", board.now));
        for (Node member : members) {
            join(member);
        }
    }

    private void join(Node member) {
        board.join(group, alice, member);
    }

    private MessageId post(Node sender, String text) {
        return board.send(group, sender, text);
    }

    private static List<String> received(Node node) {
        return GroupSwitchboard.received(node);
    }

    @Test
    void invitedNodesJoinThroughTheHubAndEveryMemberSeesTheSameMembers() {
        founded(bob, carol);

        assertThat(bob.events(GroupEvent.Invited.class)).singleElement()
                .satisfies(invited -> assertThat(invited.invite().inviter()).isEqualTo(alice.id()));
        for (Node node : List.of(alice, bob, carol)) {
            assertThat(node.groups).singleElement().satisfies(info -> {
                assertThat(info.hub()).isEqualTo(alice.id());
                assertThat(info.members()).extracting(member -> member.id())
                        .containsExactlyInAnyOrder(alice.id(), bob.id(), carol.id());
            });
        }
        assertThat(bob.invites).isEmpty();
        assertThat(alice.events(GroupEvent.MemberJoined.class)).extracting(joined -> joined.member().id())
                .containsExactly(bob.id(), carol.id());
    }

    @Test
    void postsReachEveryOtherMemberOnceInTheHubsOrderAndEachMembersReceiptReachesTheSender() {
        founded(bob, carol);

        MessageId fromBob = post(bob, "hello from bob");
        post(alice, "hello from alice");
        post(carol, "hello from carol");

        assertThat(received(alice)).containsExactly("hello from bob", "hello from carol");
        assertThat(received(bob)).containsExactly("hello from alice", "hello from carol");
        assertThat(received(carol)).containsExactly("hello from bob", "hello from alice");
        assertThat(bob.events(GroupEvent.Accepted.class)).extracting(GroupEvent.Accepted::message).contains(fromBob);
        assertThat(bob.events(GroupEvent.Delivered.class)).filteredOn(delivered -> delivered.message().equals(fromBob))
                .extracting(GroupEvent.Delivered::member).containsExactlyInAnyOrder(alice.id(), carol.id());
    }

    @Test
    void theHubNeverSeesAPostsTextOnTheWireOnlyCiphertext() {
        founded(bob);
        post(bob, "a secret the hub must not read");

        assertThat(board.carried).filteredOn(carried -> carried.frame() instanceof GroupFrame.Submit
                        || carried.frame() instanceof GroupFrame.PostCopy).hasSizeGreaterThan(1)
                .allSatisfy(carried -> assertThat(new String(carried.frame().encode(), StandardCharsets.ISO_8859_1))
                        .doesNotContain("a secret"));
    }

    @Test
    void aFanOutFrameLostOnTheWayIsSentAgainAndShownOnce() {
        founded(bob, carol);
        board.drop(carried -> carried.to().equals(carol.id()) && (carried.frame() instanceof GroupFrame.Stream
                || carried.frame() instanceof GroupFrame.PostCopy));
        post(bob, "first");
        board.drop(carried -> false);
        assertThat(received(carol)).isEmpty();

        board.advance(3_000);

        assertThat(received(carol)).containsExactly("first");
        assertThat(alice.counted("group-resent")).isPositive();
        post(bob, "second");
        assertThat(received(carol)).containsExactly("first", "second");
    }

    @Test
    void aSubmissionLostOnTheWayToTheHubIsSentAgainAndOrderedOnce() {
        founded(bob);
        board.drop(carried -> carried.frame() instanceof GroupFrame.Submit);
        MessageId id = post(bob, "retried");
        board.drop(carried -> false);

        board.advance(5_000);

        assertThat(received(alice)).containsExactly("retried");
        assertThat(bob.events(GroupEvent.Accepted.class)).extracting(GroupEvent.Accepted::message).containsOnlyOnce(id);
    }

    @Test
    void aMemberAwayGetsWhatItMissedWhenItIsBack() {
        founded(bob, carol);
        board.offline(carol, true);
        post(bob, "while carol was away");
        board.advance(5_000);
        board.offline(carol, false);

        board.advance(40_000);

        assertThat(received(carol)).containsExactly("while carol was away");
    }

    @Test
    void aNewcomerReadsWhatIsSentAfterItJoinedAndNothingBefore() {
        founded(bob);
        post(bob, "before carol");

        join(carol);
        post(bob, "after carol");
        post(alice, "welcome carol");

        assertThat(received(carol)).containsExactly("after carol", "welcome carol");
    }

    @Test
    void aPostSentBeforeItsSenderSawANewcomerJoinButOrderedAfterReachesTheNewcomer() {
        founded(bob);
        board.drop(carried -> carried.to().equals(bob.id()) && carried.frame() instanceof GroupFrame.Stream);
        join(carol);
        post(bob, "sent before bob saw carol join");
        board.drop(carried -> false);

        board.advance(3_000);

        assertThat(received(carol)).containsExactly("sent before bob saw carol join");
    }

    @Test
    void aRemovedMemberStopsReceivingAndTheOthersRotateTheirKeys() {
        founded(bob, carol);
        post(bob, "all three");

        alice.command(group, machine -> machine.remove(group, carol.id(), board.now));
        board.advance(10);
        post(bob, "carol is gone");

        assertThat(received(carol)).containsExactly("all three");
        assertThat(carol.groups).isEmpty();
        assertThat(carol.events(GroupEvent.MemberLeft.class)).extracting(GroupEvent.MemberLeft::member)
                .containsExactly(carol.id());
        assertThat(received(alice)).containsExactly("all three", "carol is gone");
        assertThat(bob.groups.get(0).members()).extracting(member -> member.id())
                .containsExactlyInAnyOrder(alice.id(), bob.id());
    }

    @Test
    void aMemberThatLeavesStopsReceivingAndTheOthersAreTold() {
        founded(bob, carol);
        carol.command(group, machine -> machine.leave(group, board.now));
        board.advance(10);
        post(bob, "after carol left");

        assertThat(received(carol)).isEmpty();
        assertThat(carol.groups).isEmpty();
        assertThat(bob.events(GroupEvent.MemberLeft.class)).extracting(GroupEvent.MemberLeft::member)
                .containsExactly(carol.id());
        assertThat(received(alice)).containsExactly("after carol left");
    }

    @Test
    void anAdminMakesAnotherAdminWhoCanThenInvite() {
        founded(bob);
        alice.command(group, machine -> machine.setRole(group, bob.id(), true, board.now));
        board.advance(10);

        assertThat(bob.events(GroupEvent.RoleChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.role()).isEqualTo(GroupRole.ADMIN));
        bob.command(group, machine -> machine.invite(group, carol.id(), board.now));
        carol.command(group, machine -> machine.accept(group, board.now));
        board.advance(10);
        assertThat(carol.groups).singleElement()
                .satisfies(info -> assertThat(info.members()).hasSize(3));
    }

    @Test
    void commandsThisNodeCannotCarryOutSayWhatToFix() {
        founded(bob);
        assertThatThrownBy(() -> bob.machine.invite(group, carol.id(), board.now))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only an admin");
        assertThatThrownBy(() -> carol.machine.send(group, MessageId.random(), new byte[1], board.now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a member");
        assertThatThrownBy(() -> carol.machine.accept(GroupId.random(), board.now))
                .hasMessageContaining("no invitation");
        assertThatThrownBy(() -> alice.machine.send(group, MessageId.random(),
                new byte[SenderChain.MAX_BODY_BYTES + 1], board.now)).hasMessageContaining("at most");
        assertThatThrownBy(() -> bob.machine.remove(group, carol.id(), board.now)).hasMessageContaining("admin");
        assertThatThrownBy(() -> alice.machine.leave(group, board.now)).hasMessageContaining("last admin")
                .hasMessageContaining("setRole");
    }

    @Test
    void twentyFiveHoursLaterNoMemberHoldsAnyMessage() {
        founded(bob, carol);
        board.offline(carol, true);
        post(bob, "kept for carol");
        assertThat(alice.machine.messagesHeld()).isPositive();

        board.advance(25L * 3_600_000L, 60_000);

        for (Node node : List.of(alice, bob, carol)) {
            node.machine.purge(board.now);
            assertThat(node.machine.messagesHeld()).isZero();
        }
    }
}
