package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.GroupSwitchboard.hubOf;
import static org.tomprotocol.core.engine.GroupSwitchboard.received;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.GroupSwitchboard.Node;
import org.tomprotocol.core.wire.GroupFrame;
import org.tomprotocol.core.wire.GroupStatement;
import org.tomprotocol.core.wire.SignedGroupStatement;

/**
 * Hub failover, wired and fenced (docs/groups.md §5): the hub names a shadow and a candidate; when the hub dies the
 * shadow claims the next epoch and every member follows it, sending again what was not ordered — nothing accepted is
 * lost, nothing shown twice; when the shadow is dead too the candidate claims the epoch after; a deposed hub that
 * comes back steps down; a claim without the hub's warrant is refused.
 */
class GroupFailoverTest {
    private final GroupSwitchboard board = new GroupSwitchboard();
    private final Node alice = board.node();
    private final Node bob = board.node();
    private final Node carol = board.node();
    private final Node dave = board.node();
    private final GroupId group = GroupId.random();

    GroupFailoverTest() {
        board.form(group, "resilient", alice, List.of(bob, carol, dave));
    }

    private String post(Node sender) {
        return board.post(group, sender);
    }

    /** Every post that {@code node} should have: all sent, but its own. */
    private static List<String> othersOf(List<String> sent, Node node) {
        return sent.stream().filter(text -> !text.endsWith(node.id().shortForm())).toList();
    }

    @Test
    void whenTheHubDiesTheShadowTakesOverWithin3SecondsAndNothingIsLostOrShownTwice() {
        List<String> sent = new ArrayList<>();
        sent.add(post(carol));
        sent.add(post(dave));
        long death = board.now;
        board.offline(alice, true);
        sent.add(post(carol));
        sent.add(post(dave));

        board.advance(5_000);

        for (Node member : List.of(bob, carol, dave)) {
            assertThat(hubOf(member)).as("hub as %s sees it", member.id().shortForm()).isEqualTo(bob.id());
            assertThat(received(member)).as("%s's posts", member.id().shortForm())
                    .containsExactlyInAnyOrderElementsOf(othersOf(sent, member));
        }
        long takeover = carol.events(GroupEvent.HubChanged.class).get(0).at().toEpochMilli();
        assertThat(takeover - death).as("hub death to the members following the shadow").isLessThanOrEqualTo(3_000);
        assertThat(carol.events(GroupEvent.Accepted.class)).hasSize(2);
    }

    @Test
    void theHubsOwnPostIsAcceptedOnlyOnceItsShadowHoldsIt() {
        board.drop(carried -> carried.to().equals(bob.id()) && carried.frame() instanceof GroupFrame.Stream);
        post(alice);
        board.advance(500);
        assertThat(alice.events(GroupEvent.Accepted.class)).as("accepted while only the hub holds it").isEmpty();
        assertThat(received(carol)).hasSize(1);

        board.drop(carried -> false);
        board.advance(1_500);

        assertThat(alice.events(GroupEvent.Accepted.class)).hasSize(1);
        assertThat(received(bob)).hasSize(1);
    }

    @Test
    void aMemberAwayAcrossTwoFailoversFollowsTheLatestHubWhenItComesBack() {
        board.offline(dave, true);
        board.offline(alice, true);
        board.advance(5_000);
        assertThat(hubOf(carol)).isEqualTo(bob.id());
        board.offline(bob, true);
        board.advance(5_000);
        assertThat(hubOf(carol)).as("the second takeover").isEqualTo(carol.id());

        board.offline(dave, false);
        board.advance(5_000);

        assertThat(hubOf(dave)).isEqualTo(carol.id());
        List<Long> epochs = carol.events(GroupEvent.HubChanged.class).stream().map(GroupEvent.HubChanged::epoch)
                .toList();
        assertThat(epochs).as("bob's epoch, then carol's").hasSize(2).isSorted().doesNotHaveDuplicates();
        assertThat(dave.events(GroupEvent.HubChanged.class)).extracting(GroupEvent.HubChanged::epoch)
                .containsExactlyElementsOf(epochs);
        String after = post(carol);
        board.advance(1_000);
        assertThat(received(dave)).containsExactly(after);
        assertThat(dave.counters.keySet()).noneMatch(counter -> counter.startsWith("rejected.group-claim"));
    }

    @Test
    void aNewHubWhoseNamedShadowIsDeadTooStillGetsItsOwnPostsAccepted() {
        board.offline(alice, true);
        board.offline(carol, true);
        board.advance(5_000);
        assertThat(hubOf(dave)).isEqualTo(bob.id());

        post(bob);
        board.advance(6_000);

        assertThat(bob.events(GroupEvent.Accepted.class)).as("once a live shadow holds it").hasSize(1);
        GroupStatement.Succession named = board.carried.stream()
                .filter(carried -> carried.to().equals(dave.id()) && carried.frame() instanceof GroupFrame.Stream)
                .flatMap(carried -> ((GroupFrame.Stream) carried.frame()).entries().stream())
                .map(entry -> entry.item().statement())
                .filter(statement -> statement instanceof GroupStatement.Succession succession
                        && succession.hub().equals(bob.id()))
                .map(GroupStatement.Succession.class::cast).reduce((first, second) -> second).orElseThrow();
        assertThat(named.next()).as("the dead shadow passed over").containsExactly(dave.id());
    }

    @Test
    void aShadowThatFallsSilentIsReplacedSoTheHubsOwnPostsAreNotHeldForIt() {
        board.offline(bob, true);
        post(alice);
        board.advance(1_000);
        assertThat(alice.events(GroupEvent.Accepted.class)).as("while the shadow may still answer").isEmpty();

        board.advance(4_000);

        assertThat(alice.events(GroupEvent.Accepted.class)).hasSize(1);
        assertThat(board.lastSuccessionSentTo(carol).next()).as("the new succession").first().isEqualTo(carol.id());
        assertThat(received(carol)).hasSize(1);
    }

    @Test
    void aPostTheDeadHubHadGivenToSomeMembersOnlyReachesTheOthersThroughTheNewHub() {
        // the hub's own post reaches dave only, then the hub dies: nobody alive wrote it, yet dave has it
        board.drop(carried -> carried.from().equals(alice.id()) && !carried.to().equals(dave.id())
                && carried.frame() instanceof GroupFrame.Stream);
        String lonely = post(alice);
        board.offline(alice, true);
        board.drop(carried -> false);

        board.advance(5_000);

        assertThat(hubOf(carol)).isEqualTo(bob.id());
        for (Node member : List.of(bob, carol, dave)) {
            assertThat(received(member)).as("%s's posts", member.id().shortForm()).containsExactly(lonely);
        }
    }

    @Test
    void whatTheNewHubOrdersInOneTurnGoesToEachMemberInSharedFrames() {
        for (int i = 0; i < 12; i++) {
            post(i % 2 == 0 ? carol : dave);
        }
        board.advance(1_000);
        int before = board.carried.size();
        board.offline(alice, true);

        board.advance(5_000);

        // the takeover replays what the new hub saw lately: twelve posts and more, in frames of eight, not one each
        int mostEntries = board.carried.subList(before, board.carried.size()).stream()
                .filter(carried -> carried.from().equals(bob.id()) && carried.to().equals(carol.id())
                        && carried.frame() instanceof GroupFrame.Stream)
                .mapToInt(carried -> ((GroupFrame.Stream) carried.frame()).entries().size()).max().orElse(0);
        assertThat(mostEntries).isEqualTo(GroupHub.ENTRIES_PER_FRAME);
    }

    @Test
    void theNewHubOrdersAgainOnlyTheLatestSenderKeysOfEachMember() {
        int before = board.carried.size();
        board.offline(alice, true);

        board.advance(5_000);

        // the group's forming rotated every member's chain at each join: only the last of each is worth sending again
        List<GroupStatement.SenderKeys> replayed = board.carried.subList(before, board.carried.size()).stream()
                .filter(carried -> carried.from().equals(bob.id()) && carried.to().equals(carol.id())
                        && carried.frame() instanceof GroupFrame.Stream)
                .flatMap(carried -> ((GroupFrame.Stream) carried.frame()).entries().stream())
                .map(entry -> entry.item().statement()).filter(GroupStatement.SenderKeys.class::isInstance)
                .map(GroupStatement.SenderKeys.class::cast).distinct().toList();
        assertThat(replayed).isNotEmpty();
        assertThat(replayed.stream().map(GroupStatement.SenderKeys::owner).distinct().count())
                .isEqualTo(replayed.size());
    }

    @Test
    void aHubThatLeavesHandsTheGroupToItsShadowAtOnceWithNothingLost() {
        List<String> sent = new ArrayList<>();
        alice.command(group, machine -> machine.setRole(group, dave.id(), true, board.now));
        sent.add(post(carol));
        long leaving = board.now;
        alice.command(group, machine -> machine.leave(group, board.now));
        sent.add(post(dave));

        board.advance(500);

        for (Node member : List.of(bob, carol, dave)) {
            assertThat(hubOf(member)).as("hub as %s sees it", member.id().shortForm()).isEqualTo(bob.id());
            assertThat(member.groups.get(0).members()).extracting(info -> info.id()).doesNotContain(alice.id());
            assertThat(received(member)).as("%s's posts", member.id().shortForm())
                    .containsExactlyInAnyOrderElementsOf(othersOf(sent, member));
        }
        assertThat(alice.groups).isEmpty();
        long takeover = carol.events(GroupEvent.HubChanged.class).get(0).at().toEpochMilli();
        assertThat(takeover - leaving).as("no silence waited for").isLessThan(GroupSuccession.SHADOW_WAIT_MS);
        assertThat(bob.counted("group-hub-handed-over")).isEqualTo(1);
    }

    @Test
    void anAdminRemovingTheHubHandsTheGroupToItsShadow() {
        alice.command(group, machine -> machine.setRole(group, dave.id(), true, board.now));
        board.advance(100);
        dave.command(group, machine -> machine.remove(group, alice.id(), board.now));

        board.advance(500);

        for (Node member : List.of(bob, carol, dave)) {
            assertThat(hubOf(member)).isEqualTo(bob.id());
        }
        String after = post(carol);
        board.advance(200);
        assertThat(received(dave)).contains(after);
        assertThat(received(alice)).doesNotContain(after);
    }

    @Test
    void whenTheShadowIsDeadTooTheCandidateTakesOver() {
        List<String> sent = new ArrayList<>();
        sent.add(post(dave));
        board.offline(alice, true);
        board.offline(bob, true);
        sent.add(post(dave));

        board.advance(8_000);

        assertThat(hubOf(dave)).isEqualTo(carol.id());
        assertThat(hubOf(carol)).isEqualTo(carol.id());
        assertThat(received(carol)).containsExactlyInAnyOrderElementsOf(othersOf(sent, carol));
        assertThat(received(dave)).isEmpty();
    }

    @Test
    void whenTheHubThatTookOverDiesTooTheNextInItsSuccessionTakesOver() {
        List<String> sent = new ArrayList<>();
        board.offline(alice, true);
        board.advance(3_000);
        assertThat(hubOf(carol)).isEqualTo(bob.id());
        sent.add(post(dave));
        board.advance(1_000);
        board.offline(bob, true);
        sent.add(post(dave));

        board.advance(5_000);

        assertThat(hubOf(dave)).isEqualTo(carol.id());
        assertThat(received(carol)).containsExactlyInAnyOrderElementsOf(othersOf(sent, carol));
    }

    @Test
    void whenTheShadowDiesRightAfterTakingOverTheCandidateOfTheEpochBeforeTakesOver() {
        board.offline(alice, true);
        board.drop(carried -> carried.from().equals(bob.id()) && carried.frame() instanceof GroupFrame.Stream);
        board.advance(2_000);
        assertThat(hubOf(dave)).as("dave follows bob, who has named nobody yet").isEqualTo(bob.id());
        board.offline(bob, true);
        board.drop(carried -> false);
        String after = post(dave);

        board.advance(5_000);

        assertThat(hubOf(dave)).isEqualTo(carol.id());
        assertThat(received(carol)).contains(after);
    }

    @Test
    void aDeposedHubThatComesBackStepsDownAndFollowsTheNewOne() {
        board.offline(alice, true);
        board.advance(5_000);
        board.offline(alice, false);

        board.advance(40_000);
        String after = post(carol);
        board.advance(1_000);

        assertThat(hubOf(alice)).isEqualTo(bob.id());
        assertThat(alice.counted("group-hub-stepped-down")).isEqualTo(1);
        assertThat(received(alice)).contains(after);
    }

    /**
     * The partition heals; dave and bob post again: bob stepped down, and bob, carol and dave follow carol, each with
     * every post the others sent.
     */
    private void healThenEveryoneFollowsCarolWithEveryPost(List<String> sent) {
        board.drop(carried -> false);
        board.advance(40_000);
        sent.add(post(dave));
        sent.add(post(bob));
        board.advance(1_000);

        for (Node member : List.of(bob, carol, dave)) {
            assertThat(hubOf(member)).as("hub as %s sees it", member.id().shortForm()).isEqualTo(carol.id());
            assertThat(received(member)).as("%s's posts", member.id().shortForm())
                    .containsExactlyInAnyOrderElementsOf(othersOf(sent, member));
        }
        assertThat(bob.counted("group-hub-stepped-down")).isEqualTo(1);
    }

    @Test
    void whenShadowAndCandidateBothClaimAcrossAPartitionEveryoneEndsUnderTheHigherEpochWithNothingLost() {
        List<String> sent = new ArrayList<>();
        board.offline(alice, true);
        board.drop(carried -> (carried.from().equals(bob.id()) && carried.to().equals(carol.id()))
                || (carried.from().equals(carol.id()) && carried.to().equals(bob.id())));
        board.advance(1_800);
        assertThat(hubOf(dave)).as("dave followed the shadow first").isEqualTo(bob.id());
        sent.add(post(dave));
        board.advance(2_000);

        healThenEveryoneFollowsCarolWithEveryPost(sent);
        java.util.Map<Long, java.util.Set<NodeId>> hubsByEpoch = new java.util.HashMap<>();
        for (Node member : List.of(bob, carol, dave)) {
            member.events(GroupEvent.HubChanged.class).forEach(changed -> hubsByEpoch
                    .computeIfAbsent(changed.epoch(), epoch -> new java.util.HashSet<>()).add(changed.newHub()));
        }
        assertThat(hubsByEpoch).as("one hub per epoch").allSatisfy((epoch, hubs) -> assertThat(hubs).hasSize(1));
        assertThat(hubsByEpoch).as("bob's epoch and carol's").hasSize(2);
    }

    @Test
    void aClaimWithoutTheHubsWarrantIsRefused() {
        SignedGroupStatement fakeSuccession = SignedGroupStatement.sign(new GroupStatement.Succession(group.value(), 1,
                dave.id(), List.of(carol.id()), 9, board.now), dave.identity);
        SignedGroupStatement byDave = SignedGroupStatement.sign(new GroupStatement.Claim(group.value(), 2, dave.id(),
                fakeSuccession, board.now), dave.identity);
        board.inject(dave.id(), carol, new GroupFrame.HubClaim(group.value(), byDave));

        SignedGroupStatement realSuccession = board.carried.stream()
                .filter(carried -> carried.frame() instanceof GroupFrame.Stream)
                .flatMap(carried -> ((GroupFrame.Stream) carried.frame()).entries().stream())
                .map(GroupFrame.Ordered::item).filter(item -> item.statement() instanceof GroupStatement.Succession)
                .reduce((first, second) -> second).orElseThrow();
        SignedGroupStatement notNamed = SignedGroupStatement.sign(new GroupStatement.Claim(group.value(), 2, dave.id(),
                realSuccession, board.now), dave.identity);
        board.inject(dave.id(), carol, new GroupFrame.HubClaim(group.value(), notNamed));
        long bobsEpoch = ((GroupStatement.Succession) realSuccession.statement()).epochFor(bob.id());
        SignedGroupStatement wrongEpoch = SignedGroupStatement.sign(new GroupStatement.Claim(group.value(),
                bobsEpoch + 1, bob.id(), realSuccession, board.now), bob.identity);
        board.inject(bob.id(), carol, new GroupFrame.HubClaim(group.value(), wrongEpoch));

        assertThat(carol.counted("rejected.group-claim-not-from-this-epoch")).isEqualTo(1);
        assertThat(carol.counted("rejected.group-claim-not-warranted")).isEqualTo(2);
        assertThat(hubOf(carol)).isEqualTo(alice.id());
        assertThat(carol.events(GroupEvent.HubChanged.class)).isEmpty();
    }

    @Test
    void aShadowRemovedByAnAdminCannotLeadTheGroupOnTheWarrantItHeld() {
        SignedGroupStatement warrant = board.carried.stream()
                .filter(carried -> carried.frame() instanceof GroupFrame.Stream)
                .flatMap(carried -> ((GroupFrame.Stream) carried.frame()).entries().stream())
                .map(GroupFrame.Ordered::item).filter(item -> item.statement() instanceof GroupStatement.Succession)
                .reduce((first, second) -> second).orElseThrow();
        assertThat(((GroupStatement.Succession) warrant.statement()).next()).first().isEqualTo(bob.id());
        // carol gets the removal, but not the succession the hub orders right after it (the hub dies then)
        java.util.function.Predicate<GroupSwitchboard.Carried> removal = carried -> carried.frame()
                instanceof GroupFrame.Stream stream && stream.entries().stream()
                .anyMatch(entry -> entry.item().statement() instanceof GroupStatement.Remove);
        board.drop(carried -> carried.to().equals(carol.id()) && removal.test(carried));
        alice.command(group, machine -> machine.remove(group, bob.id(), board.now));
        board.offline(alice, true);
        board.offline(bob, true);
        board.drop(carried -> false);
        GroupFrame.Stream toDave = (GroupFrame.Stream) board.carried.stream()
                .filter(carried -> carried.to().equals(dave.id()) && removal.test(carried))
                .findFirst().orElseThrow().frame();
        List<GroupFrame.Ordered> upToTheRemoval = new ArrayList<>();
        for (GroupFrame.Ordered entry : toDave.entries()) {
            upToTheRemoval.add(entry);
            if (entry.item().statement() instanceof GroupStatement.Remove) {
                break;
            }
        }
        board.inject(alice.id(), carol, new GroupFrame.Stream(group.value(), toDave.epoch(), toDave.firstKept(),
                upToTheRemoval.get(upToTheRemoval.size() - 1).seq(), upToTheRemoval));
        assertThat(carol.groups.get(0).members()).hasSize(3);

        SignedGroupStatement byBob = SignedGroupStatement.sign(new GroupStatement.Claim(group.value(),
                ((GroupStatement.Succession) warrant.statement()).epochFor(bob.id()), bob.id(), warrant, board.now),
                bob.identity);
        board.inject(bob.id(), carol, new GroupFrame.HubClaim(group.value(), byBob));

        assertThat(carol.counted("rejected.group-claim-from-non-member")).isEqualTo(1);
        assertThat(carol.events(GroupEvent.HubChanged.class)).isEmpty();
    }

    @Test
    void aDeposedHubCannotHandTheGroupToAStrangerOnASuccessionItSignsAfterwards() {
        board.offline(alice, true);
        board.advance(5_000);
        assertThat(hubOf(carol)).isEqualTo(bob.id());
        org.tomprotocol.spi.crypto.LocalIdentity mallory = GroupSwitchboard.SUITE.generateIdentity();
        SignedGroupStatement forgedLater = SignedGroupStatement.sign(new GroupStatement.Succession(group.value(), 1,
                alice.id(), List.of(carol.id(), mallory.id()), 999, board.now), alice.identity);
        SignedGroupStatement byMallory = SignedGroupStatement.sign(new GroupStatement.Claim(group.value(),
                ((GroupStatement.Succession) forgedLater.statement()).epochFor(mallory.id()), mallory.id(), forgedLater,
                board.now), mallory);
        board.inject(mallory.id(), carol, new GroupFrame.HubClaim(group.value(), byMallory));

        assertThat(carol.counted("rejected.group-claim-from-non-member")).isEqualTo(1);
        assertThat(hubOf(carol)).isEqualTo(bob.id());
    }

    @Test
    void aNewcomerWelcomedAfterAFailoverGetsTheWholeMembershipHistory() {
        alice.command(group, machine -> machine.setRole(group, bob.id(), true, board.now));
        board.advance(1_000);
        board.offline(alice, true);
        board.advance(5_000);
        assertThat(hubOf(carol)).isEqualTo(bob.id());
        Node erin = board.node();
        bob.command(group, machine -> machine.invite(group, erin.id(), board.now));
        erin.command(group, machine -> machine.accept(group, board.now));
        board.advance(2_000);

        assertThat(erin.groups).singleElement().satisfies(info -> assertThat(info.members()).hasSize(5));
        String fromCarol = post(carol);
        board.advance(1_000);
        assertThat(received(erin)).containsExactly(fromCarol);
    }
}
