package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The hub's cursor on one member (docs/groups.md §6): it learns the member's round trip from acknowledgements of
 * entries sent once, and never sends the backlog again sooner than twice that round trip, so a hub whose sends queue
 * up does not multiply its own backlog.
 */
class GroupHubCursorTest {
    @Test
    void beforeAnyRoundTripIsKnownAGapIsAnsweredAtMostEvery250Ms() {
        GroupHubCursor cursor = new GroupHubCursor(1);
        cursor.resent(1_000);

        assertThat(cursor.mayResendOnGap(1_200)).isFalse();
        assertThat(cursor.mayResendOnGap(1_250)).isTrue();
    }

    @Test
    void aSlowMemberIsSentItsBacklogAgainNoSoonerThanTwiceItsRoundTrip() {
        GroupHubCursor cursor = new GroupHubCursor(1);
        cursor.sentLive(5, 0);
        cursor.acknowledged(6, 800);
        assertThat(cursor.smoothedRoundTrip()).isEqualTo(800);

        cursor.resent(1_000);

        assertThat(cursor.mayResendOnGap(2_000)).isFalse();
        assertThat(cursor.mayResendOnGap(2_600)).isTrue();
    }

    @Test
    void anAcknowledgementOfSomethingSentAgainIsNotTakenAsARoundTrip() {
        GroupHubCursor cursor = new GroupHubCursor(1);
        cursor.sentLive(5, 0);
        cursor.resent(100);
        cursor.acknowledged(6, 5_000);

        assertThat(cursor.smoothedRoundTrip()).isEqualTo(-1);
        assertThat(cursor.next()).isEqualTo(6);
    }

    @Test
    void theRoundTripIsSmoothedOverSamples() {
        GroupHubCursor cursor = new GroupHubCursor(1);
        cursor.sentLive(1, 0);
        cursor.acknowledged(2, 80);
        cursor.sentLive(2, 1_000);
        cursor.acknowledged(3, 1_880);

        // 7/8 of 80 and 1/8 of 880
        assertThat(cursor.smoothedRoundTrip()).isEqualTo(180);
    }

    @Test
    void aMemberTakenToTheNewEpochConfirmsOnceAndIsTimedOnTheClaimUntilThen() {
        GroupHubCursor cursor = new GroupHubCursor(1);
        cursor.awaitConfirmation(0);
        assertThat(cursor.confirmed()).isFalse();
        assertThat(cursor.due(GroupHub.RETRY_MS)).isTrue();

        assertThat(cursor.acknowledged(1, 10)).isTrue();
        assertThat(cursor.acknowledged(1, 20)).isFalse();
        assertThat(cursor.confirmed()).isTrue();
    }
}
