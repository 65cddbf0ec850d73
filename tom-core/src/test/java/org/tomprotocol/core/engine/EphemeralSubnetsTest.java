package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.SubnetEvent;

/** Ephemeral subnets from who talks with whom, on virtual time: formed, used, dissolved. */
class EphemeralSubnetsTest {
    private static final long MINUTE = 60_000;
    private final EphemeralSubnets subnets = new EphemeralSubnets();
    private final List<SubnetEvent> events = new ArrayList<>();
    private final NodeId local = node(1);

    private void talk(NodeId from, NodeId to, int messages, long at) {
        for (int i = 0; i < messages; i++) {
            subnets.talked(from, to, at);
        }
    }

    private static NodeId numbered(int n) {
        byte[] key = new byte[32];
        key[0] = (byte) (n >> 8);
        key[1] = (byte) n;
        key[31] = 0x42;
        return NodeId.of(key);
    }

    private void review(long at) {
        subnets.review(at, events::add);
    }

    @Test
    void aNodeThatWroteThreeMessagesEachToTwoOthersFormsASubnetOfThree() {
        talk(local, node(2), 3, 0);
        talk(node(3), local, 3, 0);

        review(1_000);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(SubnetEvent.Kind.FORMED);
            assertThat(event.subnet()).isEqualTo("subnet-1");
            assertThat(event.members()).containsExactlyInAnyOrder(local, node(2), node(3));
        });
        assertThat(subnets.together(node(2), node(3))).isTrue();
        assertThat(subnets.together(node(2), node(4))).isFalse();
    }

    @Test
    void twoNodesOrPairsOfFewerThanThreeMessagesFormNothing() {
        talk(local, node(2), 10, 0);
        talk(local, node(3), 2, 0);

        review(1_000);

        assertThat(events).isEmpty();
        assertThat(subnets.current()).isEmpty();
    }

    @Test
    void pairsThisNodeCarriesForOthersFormSubnetsToo() {
        talk(node(2), node(3), 3, 0);
        talk(node(3), node(4), 3, 0);

        review(1_000);

        assertThat(subnets.current()).containsValue(Set.of(node(2), node(3), node(4)));
        assertThat(subnets.together(local, node(2))).isFalse();
    }

    @Test
    void aSubnetWithoutAMessageAmongItsMembersForFiveMinutesDissolves() {
        talk(local, node(2), 3, 0);
        talk(local, node(3), 3, 0);
        review(0);

        review(4 * MINUTE + 45_000);
        assertThat(events).hasSize(1);
        review(5 * MINUTE + 30_000);

        assertThat(events).hasSize(2).last().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(SubnetEvent.Kind.DISSOLVED_IDLE);
            assertThat(event.subnet()).isEqualTo("subnet-1");
        });
        assertThat(subnets.together(local, node(2))).isFalse();
    }

    @Test
    void aSubnetLivesWhileItsMembersTalkAndDissolvesWhenFewerThanThreeStillDo() {
        talk(local, node(2), 3, 0);
        talk(local, node(3), 3, 0);
        review(0);
        long at = 0;
        for (; at < 30 * MINUTE; at += 30_000) {
            talk(local, node(2), 1, at);
            review(at);
        }

        assertThat(events.get(events.size() - 1)).satisfies(event -> {
            assertThat(event.kind()).as("node 3 fell silent, nodes 1 and 2 kept talking")
                    .isEqualTo(SubnetEvent.Kind.DISSOLVED_TOO_FEW);
            assertThat(event.at().toEpochMilli()).as("once node 3's 3 messages faded below 1, after 16 minutes")
                    .isBetween(15 * MINUTE, 17 * MINUTE);
        });
    }

    @Test
    void nodesOfADissolvedSubnetWaitForTheNextReviewBeforeFormingAnother() {
        talk(local, node(2), 3, 0);
        talk(local, node(3), 3, 0);
        review(0);
        talk(node(2), node(5), 3, 5 * MINUTE + 20_000);
        talk(node(5), node(6), 3, 5 * MINUTE + 20_000);

        review(5 * MINUTE + 30_000);
        assertThat(events).extracting(SubnetEvent::kind).as("the first subnet idled out; node 2 joins none at once")
                .containsExactly(SubnetEvent.Kind.FORMED, SubnetEvent.Kind.DISSOLVED_IDLE);
        review(6 * MINUTE);

        assertThat(events).last().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(SubnetEvent.Kind.FORMED);
            assertThat(event.subnet()).isEqualTo("subnet-2");
            assertThat(event.members()).containsExactlyInAnyOrder(node(2), node(5), node(6));
        });
    }

    @Test
    void aSubnetHoldsAtMostTenMembers() {
        for (int n = 2; n <= 15; n++) {
            talk(local, node(n), 3, 0);
        }

        review(0);

        assertThat(events).singleElement().satisfies(event ->
                assertThat(event.members()).hasSize(EphemeralSubnets.MAX_SIZE).contains(local));
    }

    @Test
    void memoryStaysBoundedHoweverManyPairsTalk() {
        for (int n = 0; n < EphemeralSubnets.MAX_PAIRS + 1_000; n++) {
            talk(numbered(2 * n), numbered(2 * n + 1), 1, n);
        }

        assertThat(subnets.pairsKept()).isEqualTo(EphemeralSubnets.MAX_PAIRS);
    }
}
