package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.GroupSwitchboard.hubOf;
import static org.tomprotocol.core.engine.GroupSwitchboard.received;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.core.engine.GroupSwitchboard.Node;
import org.tomprotocol.core.wire.GroupSnapshot;
import org.tomprotocol.core.wire.WireException;

/**
 * Groups kept across a restart (docs/groups.md §10): a member whose process dies and starts again on its store is
 * still in its groups, gets what was posted while it was away and nothing twice, and writes again under a fresh
 * chain; a hub that restarts never orders again in the epoch it may have ordered past its last save — its shadow
 * takes over and it follows; a hub alone in its group goes on under the next epoch; a group the node left is gone
 * from its store.
 */
class GroupRestartTest {
    private final GroupSwitchboard board = new GroupSwitchboard();
    private final Node alice = board.node();
    private final Node bob = board.node();
    private final Node carol = board.node();
    private final Node dave = board.node();
    private final GroupId group = GroupId.random();

    private String post(Node sender) {
        return board.post(group, sender);
    }

    @Test
    void aRestartedMemberGetsWhatWasPostedWhileItWasAwayAndNothingTwice() {
        board.form(group, "kept", alice, List.of(bob, carol, dave));
        String before = post(bob);
        board.advance(2_000);
        assertThat(received(carol)).containsExactly(before);

        board.kill(carol);
        List<String> whileAway = new ArrayList<>();
        whileAway.add(post(alice));
        whileAway.add(post(bob));
        whileAway.add(post(dave));
        board.advance(10_000);
        Node restarted = board.restart(carol);
        board.advance(3_000);

        assertThat(restarted.groups).singleElement().satisfies(info -> {
            assertThat(info.members()).hasSize(4);
            assertThat(info.hub()).isEqualTo(alice.id());
        });
        assertThat(received(restarted)).as("posted while away, each once").containsExactlyElementsOf(whileAway);
        assertThat(restarted.counted("groups-restored")).isEqualTo(1);

        String after = post(restarted);
        board.advance(2_000);
        for (Node member : List.of(alice, bob, dave)) {
            assertThat(received(member)).as("%s reads the restarted member's fresh chain", member.id().shortForm())
                    .endsWith(after);
        }
    }

    @Test
    void aPostShownAfterTheLastKeptStateIsNotShownAgainAfterACrash() throws WireException {
        board.form(group, "kept", alice, List.of(bob, carol, dave));
        post(bob);
        String lastBeforeTheCrash = post(dave);
        assertThat(received(carol)).endsWith(lastBeforeTheCrash);
        GroupSnapshot kept = GroupSnapshot.decode(carol.kept.get(group.value()));
        assertThat(kept.readers()).filteredOn(reader -> reader.owner().equals(dave.id())).singleElement()
                .satisfies(reader -> assertThat(reader.nextIndex()).as("kept before dave's post was read").isZero());

        board.kill(carol);
        Node restarted = board.restart(carol);
        board.advance(3_000);

        assertThat(restarted.counted("group-duplicates")).as("what came again was dropped").isPositive();
        assertThat(alice.counted("group-member-rewound")).as("the hub sent it again from where it stood").isEqualTo(1);
        assertThat(received(restarted)).as("nothing shown twice").isEmpty();
        String after = post(alice);
        board.advance(1_000);
        assertThat(received(restarted)).containsExactly(after);
    }

    @Test
    void aRestartedHubOrdersNothingInItsOldEpochAndFollowsItsShadow() {
        board.form(group, "kept", alice, List.of(bob, carol, dave));
        post(carol);
        board.advance(2_000);

        board.kill(alice);
        String duringOutage = post(dave);
        Node restarted = board.restart(alice);
        board.advance(5_000);

        assertThat(restarted.counted("group-hub-stood-aside")).isEqualTo(1);
        for (Node member : List.of(restarted, bob, carol, dave)) {
            assertThat(hubOf(member)).as("hub as %s sees it", member.id().shortForm()).isEqualTo(bob.id());
        }
        assertThat(restarted.events(GroupEvent.HubChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.epoch()).as("the epoch bob claimed")
                        .isEqualTo(bob.events(GroupEvent.HubChanged.class).get(0).epoch()).isGreaterThan(1));
        assertThat(received(bob)).endsWith(duringOutage);
        assertThat(received(carol)).containsExactly(duringOutage);

        String fromTheOldHub = post(restarted);
        board.advance(2_000);
        assertThat(received(carol)).containsExactly(duringOutage, fromTheOldHub);
        assertThat(received(dave)).endsWith(fromTheOldHub);
    }

    @Test
    void aShadowRemovedWhileDownLearnsItAtItsRestartAndNeverLeadsTheGroup() {
        board.form(group, "kept", alice, List.of(bob, carol, dave));
        board.kill(bob);
        alice.command(group, machine -> machine.remove(group, bob.id(), board.now));
        board.advance(5_000);

        Node restarted = board.restart(bob);
        board.advance(90_000, 1_000);

        assertThat(restarted.groups).as("it applied its own removal").isEmpty();
        assertThat(restarted.kept).as("and forgot the group").isEmpty();
        for (Node member : List.of(alice, carol, dave)) {
            assertThat(hubOf(member)).isEqualTo(alice.id());
            assertThat(member.events(GroupEvent.HubChanged.class)).isEmpty();
        }
    }

    @Test
    void aShadowReplacedWhileDownClaimsNothingOnItsOldWarrantAfterItsRestart() {
        board.form(group, "kept", alice, List.of(bob, carol, dave));
        board.kill(bob);
        post(carol);
        board.advance(5_000);
        assertThat(board.lastSuccessionSentTo(carol).next()).as("bob passed over").doesNotContain(bob.id());
        board.kill(alice);
        // carol's claim goes to bob again 1, 3, 7 and 15 s after she took over: bob restarts between two of them
        board.advance(9_500);
        assertThat(hubOf(carol)).as("carol took over").isEqualTo(carol.id());

        Node restarted = board.restart(bob);
        board.advance(90_000, 1_000);

        for (Node member : List.of(restarted, carol, dave)) {
            assertThat(hubOf(member)).as("hub as %s sees it", member.id().shortForm()).isEqualTo(carol.id());
        }
        String after = post(dave);
        board.advance(1_000);
        assertThat(received(restarted)).endsWith(after);
    }

    @Test
    void aMemberRestartedAfterTwoFailoversFollowsTheLatestHub() {
        board.form(group, "kept", alice, List.of(bob, carol, dave));
        board.kill(dave);
        board.kill(alice);
        board.advance(5_000);
        board.kill(bob);
        board.advance(5_000);

        Node restarted = board.restart(dave);
        board.advance(5_000);

        assertThat(hubOf(restarted)).isEqualTo(carol.id());
        String after = post(carol);
        board.advance(1_000);
        assertThat(received(restarted)).containsExactly(after);
    }

    @Test
    void aHubAloneInItsGroupGoesOnInItsEpochAfterARestart() {
        alice.command(group, machine -> machine.create(group, "alone", board.now));
        board.advance(2_000);

        board.kill(alice);
        Node restarted = board.restart(alice);
        restarted.command(group, machine -> machine.invite(group, bob.id(), board.now));
        bob.command(group, machine -> machine.accept(group, board.now));
        board.advance(2_000);

        assertThat(hubOf(bob)).isEqualTo(alice.id());
        assertThat(bob.groups.get(0).members()).hasSize(2);
        String hello = post(restarted);
        board.advance(1_000);
        assertThat(received(bob)).containsExactly(hello);
    }

    @Test
    void aLoneHubThatCrashesBeforeKeepingItsFirstJoinFollowsTheNewcomersEpochAndLearnsTheJoin() {
        alice.command(group, machine -> machine.create(group, "alone", board.now));
        board.advance(2_000);
        java.util.Map<String, byte[]> keptAlone = new java.util.HashMap<>(alice.kept);
        alice.command(group, machine -> machine.invite(group, bob.id(), board.now));
        bob.command(group, machine -> machine.accept(group, board.now));
        board.advance(1_000);
        assertThat(bob.groups.get(0).members()).hasSize(2);

        // the join reached bob, not alice's store: she restarts alone, bob (her shadow) sees her fall silent
        board.kill(alice);
        alice.kept.clear();
        alice.kept.putAll(keptAlone);
        Node restarted = board.restart(alice);
        board.advance(10_000);

        for (Node member : List.of(restarted, bob)) {
            assertThat(hubOf(member)).as("hub as %s sees it", member.id().shortForm()).isEqualTo(bob.id());
            assertThat(member.events(GroupEvent.HubChanged.class)).extracting(GroupEvent.HubChanged::epoch)
                    .containsExactly(2L);
            assertThat(member.groups.get(0).members()).as("the join it lost, ordered again").hasSize(2);
        }
        String hello = post(restarted);
        String back = post(bob);
        board.advance(1_000);
        assertThat(received(bob)).containsExactly(hello);
        assertThat(received(restarted)).containsExactly(back);
        assertThat(bob.events(GroupEvent.MemberJoined.class)).as("no event for its own join").isEmpty();
    }

    @Test
    void aGroupTheNodeLeftIsGoneFromItsStore() {
        board.form(group, "kept", alice, List.of(bob, carol));
        assertThat(carol.kept).containsKey(group.value());

        carol.command(group, machine -> machine.leave(group, board.now));
        board.advance(2_000);

        assertThat(carol.groups).isEmpty();
        assertThat(carol.kept).isEmpty();
        assertThat(alice.kept).containsKey(group.value());
    }

    @Test
    void whatIsKeptHoldsTheChainsOfTheOthersButNeverTheMembersOwnNorAnyPost() throws WireException {
        board.form(group, "kept", alice, List.of(bob, carol));
        String text = post(bob);
        board.advance(2_000);

        byte[] stored = carol.kept.get(group.value());
        GroupSnapshot kept = GroupSnapshot.decode(stored);

        assertThat(kept.readers()).extracting(GroupSnapshot.Reader::owner)
                .containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(text);
        assertThat(kept.nextSeq()).as("its place, past the post").isGreaterThan(1);
    }

    @Test
    void aKeptStateWhoseHistoryDoesNotNameTheNodeIsRefused() throws WireException {
        board.form(group, "kept", alice, List.of(bob));
        GroupSnapshot bobs = GroupSnapshot.decode(bob.kept.get(group.value()));

        carol.machine.restore(bobs, List.of(), board.now);

        assertThat(carol.counted("rejected.group-kept-history")).isEqualTo(1);
        assertThat(carol.groups).isEmpty();
    }
}
