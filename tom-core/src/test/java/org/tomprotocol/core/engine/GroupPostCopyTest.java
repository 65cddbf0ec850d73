package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.GroupSwitchboard.received;


import org.junit.jupiter.api.Test;
import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.core.engine.GroupSwitchboard.Node;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * A member's post goes to the hub, which orders it, and straight to every other member too (docs/groups.md §6): a
 * member shows it from its author's copy one hop sooner, takes the hub's copy in its place without showing it again,
 * and refuses a copy its author did not send.
 */
class GroupPostCopyTest {
    private final GroupSwitchboard board = new GroupSwitchboard();
    private final Node alice = board.node();
    private final Node bob = board.node();
    private final Node carol = board.node();
    private final GroupId group = GroupId.random();

    private void founded() {
        alice.command(group, machine -> machine.create(group, "copies", board.now));
        board.join(group, alice, bob);
        board.join(group, alice, carol);
    }

    private static boolean streamTo(GroupSwitchboard.Carried carried, Node to) {
        return carried.to().equals(to.id()) && carried.frame() instanceof GroupFrame.Stream;
    }

    @Test
    void aMemberShowsAPostFromItsAuthorsCopyBeforeTheHubsAndNeverTwice() {
        founded();
        board.drop(carried -> streamTo(carried, carol));

        MessageId early = board.send(group, bob, "early");

        assertThat(received(carol)).as("before the hub's copy").containsExactly("early");
        board.drop(carried -> false);
        board.advance(3_000);
        assertThat(received(carol)).as("after the hub's copy").containsExactly("early");
        assertThat(carol.counted("group-ordered-after-copy")).isEqualTo(1);
        assertThat(bob.events(GroupEvent.Delivered.class)).filteredOn(delivered -> delivered.message().equals(early))
                .extracting(GroupEvent.Delivered::member).containsExactlyInAnyOrder(alice.id(), carol.id());
        board.send(group, bob, "later");
        board.advance(1_000);
        assertThat(received(carol)).containsExactly("early", "later");
        assertThat(received(alice)).as("the hub gets no copy: it orders the post").containsExactly("early", "later");
    }

    @Test
    void aCopyWhoseChainKeyHasNotComeIsLeftForTheHubsCopyWhichComesAfterTheKey() {
        alice.command(group, machine -> machine.create(group, "copies", board.now));
        board.join(group, alice, bob);
        board.drop(carried -> streamTo(carried, carol));
        board.join(group, alice, carol);

        board.send(group, bob, "before the key");

        assertThat(received(carol)).isEmpty();
        assertThat(carol.counted("group-copy-without-key")).isEqualTo(1);
        board.drop(carried -> false);
        board.advance(3_000);
        assertThat(received(carol)).containsExactly("before the key");
    }

    @Test
    void aCopyIsTakenOnlyFromItsAuthorAMemberWithItsSignature() {
        founded();
        board.drop(carried -> streamTo(carried, carol) || carried.frame() instanceof GroupFrame.PostCopy);
        board.send(group, bob, "bob's");
        SignedGroupStatement bobs = board.carried.stream().filter(carried -> carried.frame() instanceof GroupFrame.Submit)
                .map(carried -> ((GroupFrame.Submit) carried.frame()).item())
                .filter(item -> item.statement() instanceof GroupStatement.Post).reduce((a, b) -> b).orElseThrow();
        board.drop(carried -> streamTo(carried, carol));

        board.inject(alice.id(), carol, new GroupFrame.PostCopy(group.value(), bobs));
        byte[] broken = bobs.signature().clone();
        broken[0] ^= 1;
        board.inject(bob.id(), carol, new GroupFrame.PostCopy(group.value(),
                new SignedGroupStatement(bobs.statement(), broken)));
        LocalIdentity mallory = GroupSwitchboard.SUITE.generateIdentity();
        GroupStatement.Post own = (GroupStatement.Post) bobs.statement();
        SignedGroupStatement fromMallory = SignedGroupStatement.sign(new GroupStatement.Post(group.value(),
                mallory.id(), MessageId.random(), board.now, own.keyEpoch(), own.index(), own.nonce(), own.ciphertext()),
                mallory);
        board.inject(mallory.id(), carol, new GroupFrame.PostCopy(group.value(), fromMallory));

        assertThat(carol.counted("rejected.group-copy-not-from-author")).isEqualTo(1);
        assertThat(carol.counted("rejected.group-forged-statement")).isEqualTo(1);
        assertThat(carol.counted("rejected.group-not-a-member")).isEqualTo(1);
        assertThat(received(carol)).isEmpty();
        board.drop(carried -> false);
        board.advance(3_000);
        assertThat(received(carol)).as("the hub's copy, once").containsExactly("bob's");
    }
}
