package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.TomNode;

/**
 * Groups through the public API between real engines on the in-memory network: the founder's node is the hub, one
 * member reaches it only through a relay, and every command's future completes when the hub confirmed it.
 */
class GroupsOverTheNetworkTest {
    private static List<GroupEvent> recording(TomNode node) {
        return SimulatedNetwork.recording(node.groups().events());
    }

    @Test
    void aGroupWithAMemberBehindARelayChatsAndEachSenderLearnsWhoGotItsMessage() {
        try (SimulatedNetwork net = new SimulatedNetwork(16)) {
            SimulatedNetwork.RelayedPair pair = net.relayedPair();
            TomNode alice = pair.alice();
            TomNode bob = pair.bob();
            TomNode carol = net.node("carol");
            net.link(carol, alice);
            net.run(Duration.ofMillis(200));
            List<GroupEvent> atBob = recording(bob);
            List<GroupEvent> atCarol = recording(carol);
            List<GroupEvent> atAlice = recording(alice);

            GroupInfo created = net.await(alice.groups().create("team", List.of(bob.id(), carol.id())));
            net.runUntil(() -> bob.groups().pendingInvites().size() == 1
                    && carol.groups().pendingInvites().size() == 1, Duration.ofSeconds(10));
            GroupInvite invite = bob.groups().pendingInvites().get(0);
            assertThat(invite.inviter()).isEqualTo(alice.id());
            assertThat(invite.name()).isEqualTo("team");

            GroupInfo joined = net.await(bob.groups().accept(created.id()));
            net.await(carol.groups().accept(created.id()));
            assertThat(joined.hub()).isEqualTo(alice.id());
            assertThat(bob.groups().group(created.id())).isPresent();
            net.runUntil(() -> bob.groups().members(created.id()).size() == 3, Duration.ofSeconds(10));

            MessageId fromBob = net.await(bob.groups().send(created.id(),
                    "through the relay".getBytes(StandardCharsets.UTF_8)));
            net.await(carol.groups().send(created.id(), "direct".getBytes(StandardCharsets.UTF_8)));
            net.runUntil(() -> SimulatedNetwork.groupTexts(atAlice).size() == 2 && SimulatedNetwork.groupTexts(atBob).size() == 1 && SimulatedNetwork.groupTexts(atCarol).size() == 1,
                    Duration.ofSeconds(10));

            assertThat(SimulatedNetwork.groupTexts(atAlice)).containsExactly("through the relay", "direct");
            assertThat(SimulatedNetwork.groupTexts(atBob)).containsExactly("direct");
            assertThat(SimulatedNetwork.groupTexts(atCarol)).containsExactly("through the relay");
            net.runUntil(() -> atBob.stream().filter(GroupEvent.Delivered.class::isInstance).count() == 2,
                    Duration.ofSeconds(10));
            assertThat(atBob).filteredOn(GroupEvent.Delivered.class::isInstance)
                    .map(event -> (GroupEvent.Delivered) event)
                    .allSatisfy(delivered -> assertThat(delivered.message()).isEqualTo(fromBob))
                    .extracting(GroupEvent.Delivered::member).containsExactlyInAnyOrder(alice.id(), carol.id());
        }
    }

    @Test
    void aCommandThisNodeCannotCarryOutFailsItsFutureWithTheReason() {
        try (SimulatedNetwork net = new SimulatedNetwork(17)) {
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob");
            GroupInfo created = net.await(alice.groups().create("solo", List.of()));

            CompletableFuture<MessageId> notMember = bob.groups().send(created.id(), new byte[1]).toCompletableFuture();
            net.runUntil(notMember::isDone, Duration.ofSeconds(5));

            assertThat(notMember).isCompletedExceptionally();
            org.assertj.core.api.Assertions.assertThatThrownBy(notMember::join)
                    .isInstanceOf(CompletionException.class).hasMessageContaining("not a member");
            assertThat(alice.groups().groups()).extracting(GroupInfo::id).containsExactly(created.id());
            net.await(alice.groups().leave(created.id()));
            assertThat(alice.groups().groups()).isEmpty();
        }
    }

    /** Bob posts once in a group of three founded by alice (the hub); returns carol once she has shown it. */
    private static TomNode carolAfterBobPosts(SimulatedNetwork net, boolean bobSendsCopies) {
        TomNode alice = net.node("alice");
        TomNode bob = net.node("bob", builder -> builder.option("groups.post-copies", String.valueOf(bobSendsCopies)));
        TomNode carol = net.node("carol");
        net.link(alice, bob);
        net.link(alice, carol);
        net.link(bob, carol);
        net.run(Duration.ofMillis(200));
        List<GroupEvent> atCarol = recording(carol);
        GroupInfo created = net.await(alice.groups().create("copies", List.of(bob.id(), carol.id())));
        net.runUntil(() -> bob.groups().pendingInvites().size() == 1 && carol.groups().pendingInvites().size() == 1,
                Duration.ofSeconds(10));
        net.await(bob.groups().accept(created.id()));
        net.await(carol.groups().accept(created.id()));
        net.runUntil(() -> bob.groups().members(created.id()).size() == 3, Duration.ofSeconds(10));
        net.run(Duration.ofSeconds(1));
        net.await(bob.groups().send(created.id(), "hello".getBytes(StandardCharsets.UTF_8)));
        net.runUntil(() -> SimulatedNetwork.groupTexts(atCarol).size() == 1, Duration.ofSeconds(10));
        net.run(Duration.ofSeconds(1));
        assertThat(SimulatedNetwork.groupTexts(atCarol)).containsExactly("hello");
        return carol;
    }

    @Test
    void aPostReachesTheOtherMembersFromItsAuthorsCopyAndTheHubsCopyTakesItsPlaceUnseen() {
        try (SimulatedNetwork net = new SimulatedNetwork(18)) {
            TomNode carol = carolAfterBobPosts(net, true);

            assertThat(carol.metrics().get("group-ordered-after-copy")).isEqualTo(1);
        }
    }

    @Test
    void aNodeStartedWithoutPostCopiesLeavesTheFanOutToTheHub() {
        try (SimulatedNetwork net = new SimulatedNetwork(19)) {
            TomNode carol = carolAfterBobPosts(net, false);

            assertThat(carol.metrics().get("group-ordered-after-copy")).isZero();
            assertThat(carol.metrics().get("group-delivered-to-app")).isEqualTo(1);
        }
    }
}
