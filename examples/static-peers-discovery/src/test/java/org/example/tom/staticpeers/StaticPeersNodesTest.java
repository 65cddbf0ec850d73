package org.example.tom.staticpeers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeBuilder;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.LinkModel;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/**
 * Real ToM nodes — the engine, the tom-v1 crypto suite and this plugin, found on the class path as a node finds
 * them — on the test kit's in-memory network and virtual clock: nodes given a peers file find each other with no
 * bootstrap peer and no gossip, and deliver messages.
 */
class StaticPeersNodesTest {
    private final VirtualRuntime runtime = new VirtualRuntime();
    private final MemoryNetwork network = new MemoryNetwork(runtime, 7).defaultLink(LinkModel.PERFECT.withLatency(5));
    private final List<TomNode> nodes = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void closeNodes() {
        nodes.forEach(TomNode::close);
        runtime.runFor(Duration.ofSeconds(1));
    }

    @Test
    void twoNodesSharingOnePeersFileMeetWithoutBootstrapAndDeliverAMessage() throws IOException {
        Path peers = peersFile(line("alice"), line("bob"));
        TomNode alice = start("alice", peers);
        TomNode bob = start("bob", peers);
        List<String> received = inbox(alice);

        assertThat(runtime.runUntil(() -> connected(alice, bob) && connected(bob, alice), Duration.ofSeconds(5)))
                .as("sessions both ways").isTrue();
        OutboundMessage hello = bob.send(alice.id(), "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(runtime.runUntil(() -> hello.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();
        assertThat(hello.path()).as("direct").isEmpty();
        assertThat(received).containsExactly("hello");
    }

    @Test
    void aListedPeerThatStartsLaterIsReachedAtTheNextRedial() throws IOException {
        TomNode bob = start("bob", peersFile(line("alice")));
        runtime.runFor(Duration.ofSeconds(3));
        long aliceStart = runtime.nowMillis();
        TomNode alice = start("alice", null);

        assertThat(runtime.runUntil(() -> connected(alice, bob), Duration.ofSeconds(10))).isTrue();
        long waited = runtime.nowMillis() - aliceStart;
        assertThat(waited).as("bob greets again 5 s after his start, 2 s after alice's")
                .isBetween(2_000L, 2_500L);
        OutboundMessage back = alice.send(bob.id(), "found you".getBytes(StandardCharsets.UTF_8));
        assertThat(runtime.runUntil(() -> back.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void nodesThatListOnlyAHubMeetEachOtherThroughItAndTalkDirectly() throws IOException {
        TomNode hub = start("hub", null);
        Path peers = peersFile(line("hub"));
        TomNode bob = start("bob", peers);
        TomNode carol = start("carol", peers);

        assertThat(runtime.runUntil(() -> connected(bob, carol) && connected(carol, bob), Duration.ofSeconds(5)))
                .as("bob and carol, told of each other by the hub").isTrue();
        OutboundMessage sent = bob.send(carol.id(), "hi carol".getBytes(StandardCharsets.UTF_8));
        assertThat(runtime.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofSeconds(5))).isTrue();
        assertThat(sent.path()).as("direct, not through the hub").isEmpty();
        assertThat(connected(hub, bob) && connected(hub, carol)).isTrue();
    }

    @Test
    void aSettledGroupSendsNoMoreDiscoveryFramesThanItsPeriodicAnnounces() throws IOException {
        Path peers = peersFile(line("alice"), line("bob"), line("carol"));
        List<TomNode> group = List.of(start("alice", peers), start("bob", peers), start("carol", peers));
        assertThat(runtime.runUntil(() -> group.stream().allMatch(node -> node.peers().size() == 2),
                Duration.ofSeconds(5))).isTrue();
        runtime.runFor(Duration.ofSeconds(10));
        long[] discoveryFrames = {0};
        network.addObserver(frame -> {
            if (frame.channel() == FrameChannel.DISCOVERY) {
                discoveryFrames[0]++;
            }
        });

        runtime.runFor(Duration.ofMinutes(1));

        // each node announces every 10 s, and an announce crosses each of the three links at most once each
        // way: 3 × 6 × 6 (72 are sent: the origin's two, and one forwarded copy from each of its neighbours)
        assertThat(discoveryFrames[0]).as("discovery frames in a minute").isPositive().isLessThanOrEqualTo(3 * 6 * 6);
    }

    @Test
    void withoutAPeersFileOrBootstrapTwoNodesNeverMeet() {
        TomNode alice = start("alice", null);
        TomNode bob = start("bob", null);

        OutboundMessage lost = bob.send(alice.id(), "anyone?".getBytes(StandardCharsets.UTF_8));
        runtime.runFor(Duration.ofSeconds(30));

        assertThat(bob.peers()).extracting(PeerInfo::id).doesNotContain(alice.id());
        assertThat(lost.status()).isNotEqualTo(MessageStatus.DELIVERED);
    }

    /** Starts a node listening at {@code mem:<name>}, with the identity of that name and the given peers file. */
    private TomNode start(String name, Path peersFile) {
        NodeBuilder builder = Tom.node().provider(runtime).provider(network.transportProvider())
                .identitySeed(seed(name)).listen("mem:" + name).randomSeed(nodes.size());
        if (peersFile != null) {
            builder.option(StaticPeersSettings.PEERS_FILE, peersFile.toString());
        }
        TomNode node = builder.start();
        nodes.add(node);
        runtime.runFor(Duration.ofMillis(1));
        return node;
    }

    private static byte[] seed(String name) {
        byte[] seed = new byte[32];
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, seed, 0, Math.min(bytes.length, seed.length));
        return seed;
    }

    /** The node id a name's identity has, before that node runs: as {@code tom id} tells an operator. */
    private static NodeId idOf(String name) {
        CryptoSuiteProvider crypto = ServiceLoader.load(CryptoSuiteProvider.class).findFirst().orElseThrow();
        return crypto.suite().identityFromSeed(seed(name)).id();
    }

    private static String line(String name) {
        return idOf(name).toHex() + "@mem:" + name;
    }

    private Path peersFile(String... lines) throws IOException {
        return Files.write(Files.createTempFile(directory, "peers", ".txt"), List.of(lines));
    }

    private static boolean connected(TomNode node, TomNode peer) {
        return node.peers().stream().anyMatch(p -> p.id().equals(peer.id()) && p.directSession());
    }

    private static List<String> inbox(TomNode node) {
        List<String> texts = new CopyOnWriteArrayList<>();
        node.onMessage(message -> texts.add(new String(message.payload(), StandardCharsets.UTF_8)));
        return texts;
    }
}
