package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.core.engine.GroupSwitchboard.Node;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;

/**
 * Hostile input to groups (issue 16): a forged invitation, a removal by a plain member or under an admin's name, a
 * statement no hub ordered, a replayed sender-key distribution, posts from outside the group — each refused and
 * counted under its reason, and none changes what the members hold or show.
 */
class GroupsHostileTest {
    private final GroupSwitchboard board = new GroupSwitchboard();
    private final Node alice = board.node();
    private final Node bob = board.node();
    private final Node carol = board.node();
    private final Node mallory = board.node();
    private final GroupId group = GroupId.random();

    GroupsHostileTest() {
        alice.command(group, machine -> machine.create(group, "friends", board.now));
        for (Node member : List.of(bob, carol)) {
            alice.command(group, machine -> machine.invite(group, member.id(), board.now));
            member.command(group, machine -> machine.accept(group, board.now));
            board.advance(10);
        }
    }

    private GroupFrame.Invitation invitationTo(Node invitee) {
        return board.carried.stream().filter(carried -> carried.to().equals(invitee.id()))
                .map(GroupSwitchboard.Carried::frame).filter(GroupFrame.Invitation.class::isInstance)
                .map(GroupFrame.Invitation.class::cast).findFirst().orElseThrow();
    }

    private long nextSeqOf(Node member) {
        return board.carried.stream().filter(carried -> carried.to().equals(member.id()))
                .map(GroupSwitchboard.Carried::frame).filter(GroupFrame.Stream.class::isInstance)
                .map(GroupFrame.Stream.class::cast).mapToLong(GroupFrame.Stream::lastSeq).max().orElseThrow() + 1;
    }

    private List<String> received(Node node) {
        return node.events(GroupEvent.MessageReceived.class).stream()
                .map(event -> new String(event.message().payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void anInvitationFromANodeThatIsNoAdminIsRefused() {
        Node dave = board.node();
        GroupFrame.Invitation real = invitationTo(bob);
        SignedGroupStatement byMallory = SignedGroupStatement.sign(new GroupStatement.Invite(group.value(), dave.id(),
                mallory.id(), board.now, board.now + 3_600_000L, new byte[16]), mallory.identity);

        board.inject(mallory.id(), dave, new GroupFrame.Invitation(group.value(), alice.id(), 1, real.history(),
                byMallory));

        assertThat(dave.counted("rejected.group-not-admin")).isEqualTo(1);
        assertThat(dave.events(GroupEvent.Invited.class)).isEmpty();
        assertThat(dave.invites).isEmpty();
    }

    @Test
    void anInvitationUnderAnAdminsNameButNotItsSignatureIsRefused() {
        Node dave = board.node();
        GroupFrame.Invitation real = invitationTo(bob);
        GroupStatement.Invite invite = new GroupStatement.Invite(group.value(), dave.id(), alice.id(), board.now,
                board.now + 3_600_000L, new byte[16]);
        SignedGroupStatement forged = new SignedGroupStatement(invite, mallory.identity.sign(invite.signingBytes()));

        board.inject(alice.id(), dave, new GroupFrame.Invitation(group.value(), alice.id(), 1, real.history(), forged));

        assertThat(dave.counted("rejected.group-forged-invite")).isEqualTo(1);
        assertThat(dave.invites).isEmpty();
    }

    @Test
    void aPlainMemberCannotRemoveAnotherAndNobodyCanRemoveUnderAnAdminsName() {
        bob.command(group, machine -> {
            SignedGroupStatement removal = SignedGroupStatement.sign(
                    new GroupStatement.Remove(group.value(), carol.id(), bob.id(), board.now), bob.identity);
            bob.sendGroupFrame(alice.id(), new GroupFrame.Submit(group.value(), removal));
        });
        GroupStatement.Remove underAlicesName = new GroupStatement.Remove(group.value(), carol.id(), alice.id(),
                board.now + 1);
        SignedGroupStatement forged = new SignedGroupStatement(underAlicesName,
                bob.identity.sign(underAlicesName.signingBytes()));
        board.inject(bob.id(), alice, new GroupFrame.Submit(group.value(), forged));
        board.advance(3_000);

        assertThat(alice.counted("rejected.group-not-admin")).isEqualTo(1);
        assertThat(alice.counted("rejected.group-submit-not-from-author")).isEqualTo(1);
        for (Node node : List.of(alice, bob, carol)) {
            assertThat(node.groups.get(0).members()).as("members as %s sees them", node).hasSize(3);
        }
    }

    @Test
    void membersCheckEveryStatementThemselvesSoAHubCannotSlipInAForgedRemoval() {
        GroupStatement.Remove forgedByHub = new GroupStatement.Remove(group.value(), carol.id(), bob.id(),
                board.now + 1);
        SignedGroupStatement forged = new SignedGroupStatement(forgedByHub,
                alice.identity.sign(forgedByHub.signingBytes()));
        long next = nextSeqOf(bob);

        board.inject(alice.id(), bob, new GroupFrame.Stream(group.value(), 1, 1, next,
                List.of(new GroupFrame.Ordered(next, board.now, forged))));

        assertThat(bob.counted("rejected.group-forged-statement")).isEqualTo(1);
        assertThat(bob.groups.get(0).members()).hasSize(3);
    }

    @Test
    void aStreamFromANodeThatIsNotTheHubIsRefused() {
        SignedGroupStatement post = SignedGroupStatement.sign(new GroupStatement.Post(group.value(), mallory.id(),
                MessageId.random(), board.now, 1, 0, new byte[24], new byte[32]), mallory.identity);

        board.inject(mallory.id(), bob, new GroupFrame.Stream(group.value(), 2, 1, 1,
                List.of(new GroupFrame.Ordered(1, board.now, post))));

        assertThat(bob.counted("rejected.group-stream-not-from-hub")).isEqualTo(1);
        assertThat(received(bob)).isEmpty();
    }

    @Test
    void aReplayedSenderKeyDistributionIsRefusedByTheHubAndByEveryMember() {
        SignedGroupStatement firstKeys = board.carried.stream()
                .filter(carried -> carried.from().equals(bob.id()) && carried.frame() instanceof GroupFrame.Submit)
                .map(carried -> ((GroupFrame.Submit) carried.frame()).item())
                .filter(item -> item.statement() instanceof GroupStatement.SenderKeys keys && keys.grants().stream()
                        .anyMatch(grant -> grant.member().equals(carol.id()))).findFirst().orElseThrow();

        board.inject(bob.id(), alice, new GroupFrame.Submit(group.value(), firstKeys));
        assertThat(alice.counted("group-resubmitted")).as("the hub gives a resend its first place").isPositive();

        long next = nextSeqOf(carol);
        board.inject(alice.id(), carol, new GroupFrame.Stream(group.value(), 1, 1, next,
                List.of(new GroupFrame.Ordered(next, board.now, firstKeys))));
        assertThat(carol.counted("group-duplicates")).as("a statement shown once is never taken again").isEqualTo(1);
    }

    @Test
    void postsFromOutsideTheGroupAreRefusedByTheHub() {
        SignedGroupStatement post = SignedGroupStatement.sign(new GroupStatement.Post(group.value(), mallory.id(),
                MessageId.random(), board.now, 1, 0, new byte[24], new byte[32]), mallory.identity);

        board.inject(mallory.id(), alice, new GroupFrame.Submit(group.value(), post));
        board.advance(2_000);

        assertThat(alice.counted("rejected.group-not-a-member")).isEqualTo(1);
        for (Node node : List.of(alice, bob, carol)) {
            assertThat(received(node)).isEmpty();
        }
    }

    @Test
    void aRemovedMembersKeysOpenNothingSentAfterItsRemoval() throws Exception {
        String id = group.value();
        GroupKeys bobsKeys = new GroupKeys(GroupSwitchboard.SUITE, bob.identity, id);
        GroupKeys carolsKeys = new GroupKeys(GroupSwitchboard.SUITE, carol.identity, id);
        GroupStatement.SenderKeys before = (GroupStatement.SenderKeys) bobsKeys
                .rotate(List.of(alice.id(), carol.id()), board.now).statement();
        assertThat(carolsKeys.accept(before)).isNull();
        SenderChain.Sealed readable = bobsKeys.seal("before".getBytes(StandardCharsets.UTF_8));
        assertThat(carolsKeys.open(post(bob, readable), board.now)).isInstanceOf(GroupKeys.Opening.Opened.class);

        // carol is removed: bob's new chain is granted to alice only
        GroupStatement.SenderKeys after = (GroupStatement.SenderKeys) bobsKeys.rotate(List.of(alice.id()), board.now)
                .statement();
        assertThat(carolsKeys.accept(after)).isNull();
        SenderChain.Sealed secret = bobsKeys.seal("after".getBytes(StandardCharsets.UTF_8));

        assertThat(carolsKeys.open(post(bob, secret), board.now)).isInstanceOf(GroupKeys.Opening.Held.class);
        assertThat(carolsKeys.releaseHeld(bob.id())).as("no key of carol's opens it").isEmpty();
        assertThat(after.grants()).extracting(GroupStatement.Grant::member).containsExactly(alice.id());
    }

    private GroupStatement.Post post(Node sender, SenderChain.Sealed sealed) {
        return new GroupStatement.Post(group.value(), sender.id(), MessageId.random(), board.now, sealed.keyEpoch(),
                sealed.index(), sealed.ciphertext().nonce(), sealed.ciphertext().ciphertext());
    }
}
