package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.store.sqlite.SqliteStoreProvider;

/**
 * A node with a store keeps its groups across a restart (docs/groups.md §10): it is still a member, still reads, gets
 * what the group said while it was away and nothing twice, and what it keeps is sealed to it. Restarts here are a
 * close and a start on the same directory, on the in-memory network and virtual clock.
 */
class DurableGroupsTest {
    @TempDir
    Path dirs;

    private TomNode durable(SimulatedNetwork net, String name) {
        return net.node(name, builder -> builder.dataDir(dirs.resolve(name)), new SqliteStoreProvider());
    }

    private static void say(SimulatedNetwork net, TomNode node, GroupId group, String text) {
        net.await(node.groups().send(group, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Alice founds a group with bob (whose node has a store) and carol; bob read one post. */
    private GroupId formed(SimulatedNetwork net, TomNode alice, TomNode bob, TomNode carol) {
        net.link(alice, bob);
        net.link(alice, carol);
        net.link(bob, carol);
        net.run(Duration.ofMillis(500));
        GroupInfo created = net.await(alice.groups().create("a-name-only-members-know", List.of(bob.id(), carol.id())));
        net.runUntil(() -> bob.groups().pendingInvites().size() == 1 && carol.groups().pendingInvites().size() == 1,
                Duration.ofSeconds(10));
        net.await(bob.groups().accept(created.id()));
        net.await(carol.groups().accept(created.id()));
        net.runUntil(() -> bob.groups().members(created.id()).size() == 3, Duration.ofSeconds(10));
        return created.id();
    }

    @Test
    void aRestartedMemberIsStillInItsGroupAndGetsWhatWasSaidWhileItWasAwayOnce() {
        try (SimulatedNetwork net = new SimulatedNetwork(61)) {
            TomNode alice = net.node("alice");
            TomNode bob = durable(net, "bob");
            TomNode carol = net.node("carol");
            GroupId group = formed(net, alice, bob, carol);
            List<GroupEvent> atBob = SimulatedNetwork.recording(bob.groups().events());
            say(net, carol, group, "before");
            net.runUntil(() -> SimulatedNetwork.groupTexts(atBob).size() == 1, Duration.ofSeconds(10));
            bob.close();
            net.run(Duration.ofSeconds(1));
            say(net, carol, group, "while away 1");
            say(net, alice, group, "while away 2");
            net.run(Duration.ofSeconds(5));
            TomNode restarted = durable(net, "bob");
            List<GroupEvent> afterRestart = SimulatedNetwork.recording(restarted.groups().events());
            net.link(restarted, alice);
            net.link(restarted, carol);

            assertThat(net.runUntil(() -> SimulatedNetwork.groupTexts(afterRestart).size() >= 2, Duration.ofMinutes(1))).isTrue();
            net.run(Duration.ofSeconds(5));
            assertThat(SimulatedNetwork.groupTexts(afterRestart)).containsExactly("while away 1", "while away 2");
            assertThat(alice.metrics().get("group-member-rewound")).as("its state was kept as it closed").isZero();
            assertThat(restarted.groups().group(group)).isPresent();
            assertThat(restarted.groups().members(group)).hasSize(3);

            List<GroupEvent> atCarol = SimulatedNetwork.recording(carol.groups().events());
            say(net, restarted, group, "back");
            assertThat(net.runUntil(() -> SimulatedNetwork.groupTexts(atCarol).contains("back"), Duration.ofSeconds(30))).isTrue();
        }
    }

    @Test
    void whatTheStoreKeepsOfAGroupIsSealedToTheNode() throws IOException {
        try (SimulatedNetwork net = new SimulatedNetwork(62)) {
            TomNode alice = net.node("alice");
            TomNode bob = durable(net, "bob");
            TomNode carol = net.node("carol");
            GroupId group = formed(net, alice, bob, carol);
            say(net, carol, group, "said before the close");
            net.run(Duration.ofSeconds(3));
            bob.close();
            net.run(Duration.ofSeconds(1));

            try (Stream<Path> files = Files.walk(dirs.resolve("bob"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertThat(content).as(file.getFileName().toString()).doesNotContain("a-name-only-members-know")
                            .doesNotContain("said before the close");
                }
            }
        }
    }

    @Test
    void aGroupTheNodeLeftJustBeforeClosingIsNotBackAfterItsRestart() {
        try (SimulatedNetwork net = new SimulatedNetwork(63)) {
            TomNode alice = net.node("alice");
            TomNode bob = durable(net, "bob");
            TomNode carol = net.node("carol");
            GroupId group = formed(net, alice, bob, carol);
            net.run(Duration.ofSeconds(2));

            net.await(bob.groups().leave(group));
            bob.close();
            net.run(Duration.ofSeconds(1));
            TomNode restarted = durable(net, "bob");
            net.run(Duration.ofSeconds(2));

            assertThat(restarted.groups().groups()).isEmpty();
            assertThat(restarted.metrics().get("groups-restored")).isZero();
        }
    }
}
