package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.crypto.TomV1Suite;

/** A node given a random seed draws its message ids from it: the same run, the same ids; never one id twice. */
class MessageIdsTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private final NodeId node = SUITE.generateIdentity().id();

    private static List<MessageId> first(MessageIds ids, int count) {
        return Stream.generate(ids).limit(count).toList();
    }

    @Test
    void aSeededNodeDrawsTheSameIdsEachRun() {
        assertThat(first(MessageIds.seeded(7, node), 100)).isEqualTo(first(MessageIds.seeded(7, node), 100));
    }

    @Test
    void seededIdsDifferBetweenNodesAndSeedsAndNeverRepeat() {
        Set<MessageId> seen = new HashSet<>();
        NodeId other = SUITE.generateIdentity().id();
        seen.addAll(first(MessageIds.seeded(7, node), 10_000));
        seen.addAll(first(MessageIds.seeded(7, other), 10_000));
        seen.addAll(first(MessageIds.seeded(8, node), 10_000));

        assertThat(seen).hasSize(30_000);
    }

    @Test
    void withoutASeedIdsAreRandom() {
        assertThat(first(MessageIds.random(), 100)).doesNotContainAnyElementsOf(first(MessageIds.random(), 100))
                .doesNotHaveDuplicates();
    }
}
