package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.core.engine.GroupSwitchboard.Node;
import org.tomprotocol.core.wire.GroupStatement;

/**
 * Whom the hub names to succeed it (docs/groups.md §5.1): the most capable members as it sees them — reachable,
 * up for long, good relays — in join order among equals; a successor that goes offline is replaced at the next
 * review, and small differences do not churn the succession.
 */
class GroupSuccessorsTest {
    private final GroupSwitchboard board = new GroupSwitchboard();
    private final Node alice = board.node();
    private final Node bob = board.node();
    private final Node carol = board.node();
    private final Node dave = board.node();
    private final GroupId group = GroupId.random();

    private void form() {
        board.form(group, "chosen", alice, List.of(bob, carol, dave));
    }

    private GroupStatement.Succession lastSuccession() {
        return board.lastSuccessionSentTo(carol);
    }

    @Test
    void amongEqualsTheHubNamesItsSuccessorsInJoinOrder() {
        form();

        assertThat(lastSuccession().hub()).isEqualTo(alice.id());
        assertThat(lastSuccession().next()).containsExactly(bob.id(), carol.id());
    }

    @Test
    void theHubNamesTheMostCapableMembers() {
        board.capabilities.put(dave.id(), 2.0);
        board.capabilities.put(carol.id(), 1.0);

        form();

        assertThat(lastSuccession().next()).containsExactly(dave.id(), carol.id());
    }

    @Test
    void aSuccessorThatGoesOfflineIsReplacedAtTheNextReviewAndTheNewShadowTakesOver() {
        form();
        board.capabilities.put(bob.id(), -1.0);

        board.advance(GroupFailover.REVIEW_MS + 500);

        assertThat(lastSuccession().next()).containsExactly(carol.id(), dave.id());
        board.offline(alice, true);
        board.offline(bob, true);
        board.advance(3_000);
        assertThat(dave.groups.get(0).hub()).as("the new shadow took over, not after the candidate's wait")
                .isEqualTo(carol.id());
    }

    @Test
    void aLittleMoreCapableMemberDoesNotChurnTheSuccessionButAMuchMoreCapableOneDoes() {
        form();
        long version = lastSuccession().version();

        board.capabilities.put(dave.id(), GroupFailover.SUCCESSOR_MARGIN / 2);
        board.advance(2 * GroupFailover.REVIEW_MS);
        assertThat(lastSuccession().version()).isEqualTo(version);

        board.capabilities.put(dave.id(), 2 * GroupFailover.SUCCESSOR_MARGIN);
        board.advance(GroupFailover.REVIEW_MS);
        assertThat(lastSuccession().next()).containsExactly(dave.id(), bob.id());
    }
}
