package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.GroupSwitchboard.hubOf;
import static org.tomprotocol.core.engine.GroupSwitchboard.received;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.GroupSwitchboard.Node;

/**
 * A partition that cuts the hub's shadow off (docs/groups.md §5.4). The hub passes the silent shadow over and names
 * others in a newer succession; the shadow, hearing nothing from the hub, claims on its side. Each place of each
 * succession version leads to an epoch of its own, so the passed-over shadow and its replacement never claim the same
 * one; when the partition heals every member follows the highest epoch, with every post of both sides.
 */
class GroupPartitionTest {
    private final GroupSwitchboard board = new GroupSwitchboard();
    private final Node alice = board.node();
    private final Node bob = board.node();
    private final Node carol = board.node();
    private final Node dave = board.node();
    private final Node erin = board.node();
    private final List<Node> all = List.of(alice, bob, carol, dave, erin);
    private final GroupId group = GroupId.random();
    private final List<String> sent = new ArrayList<>();

    GroupPartitionTest() {
        board.form(group, "split", alice, List.of(bob, carol, dave, erin));
        board.advance(2_000);
    }

    /** Bob (the shadow) and dave on one side; alice (the hub), carol (the candidate) and erin on the other. */
    private void split() {
        Set<NodeId> bobsSide = Set.of(bob.id(), dave.id());
        board.drop(carried -> bobsSide.contains(carried.from()) != bobsSide.contains(carried.to()));
    }

    private void heal() {
        board.drop(carried -> false);
    }

    private void post(Node sender) {
        sent.add(board.post(group, sender));
    }

    private Map<Long, Set<NodeId>> hubsByEpoch() {
        Map<Long, Set<NodeId>> hubs = new HashMap<>();
        for (Node member : all) {
            member.events(GroupEvent.HubChanged.class).forEach(changed -> hubs
                    .computeIfAbsent(changed.epoch(), epoch -> new HashSet<>()).add(changed.newHub()));
        }
        return hubs;
    }

    private void everyMemberFollowsWithEveryPost(List<Node> members, Node hub) {
        for (Node member : members) {
            assertThat(hubOf(member)).as("hub as %s sees it", member.id().shortForm()).isEqualTo(hub.id());
            assertThat(received(member)).as("%s's posts", member.id().shortForm())
                    .containsExactlyInAnyOrderElementsOf(sent.stream()
                            .filter(text -> !text.endsWith(member.id().shortForm())).toList());
        }
        assertThat(hubsByEpoch()).as("one hub per epoch").allSatisfy((epoch, hubs) -> assertThat(hubs).hasSize(1));
    }

    @Test
    void aShadowPassedOverWhileCutOffAndItsReplacementClaimDifferentEpochsAndTheSidesMergeUnderTheHigher() {
        split();
        post(erin);
        post(dave);
        board.advance(5_000);
        assertThat(hubOf(dave)).as("bob claimed on his side").isEqualTo(bob.id());
        assertThat(board.lastSuccessionSentTo(erin).next()).as("alice passed bob over").doesNotContain(bob.id());
        board.offline(alice, true);
        post(erin);
        post(dave);
        board.advance(5_000);
        assertThat(hubOf(erin)).as("carol, alice's new shadow, claimed on hers").isEqualTo(carol.id());
        long bobsEpoch = bob.events(GroupEvent.HubChanged.class).get(0).epoch();
        long carolsEpoch = carol.events(GroupEvent.HubChanged.class).get(0).epoch();
        assertThat(carolsEpoch).as("the replacement's epoch").isGreaterThan(bobsEpoch);

        heal();
        board.advance(20_000);
        post(dave);
        post(erin);
        board.advance(2_000);

        everyMemberFollowsWithEveryPost(List.of(bob, carol, dave, erin), carol);
        assertThat(bob.counted("group-hub-stepped-down")).isEqualTo(1);
    }

    @Test
    void aHubAliveThroughThePartitionFollowsTheShadowThatClaimedOnTheOtherSideWhenItHeals() {
        split();
        post(erin);
        post(dave);
        board.advance(5_000);
        post(carol);
        post(bob);
        board.advance(2_000);
        assertThat(hubOf(dave)).isEqualTo(bob.id());
        assertThat(hubOf(carol)).as("alice still leads her side").isEqualTo(alice.id());

        heal();
        board.advance(20_000);
        post(alice);
        post(dave);
        board.advance(2_000);

        everyMemberFollowsWithEveryPost(all, bob);
        assertThat(alice.counted("group-hub-stepped-down")).isEqualTo(1);
    }
}
