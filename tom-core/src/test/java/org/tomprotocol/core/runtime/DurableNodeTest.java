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
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.store.sqlite.SqliteStoreProvider;

/**
 * A node with a data directory and a store keeps what it accepted across a restart: its unfinished messages
 * (sealed, never in plaintext), the messages it delivered and the peers it knew. Restarts here are a close and a
 * start on the same directory, on the in-memory network and virtual clock.
 */
class DurableNodeTest {
    @TempDir
    Path dirs;

    private TomNode durable(SimulatedNetwork net, String name) {
        return net.node(name, builder -> builder.dataDir(dirs.resolve(name)), new SqliteStoreProvider());
    }

    @Test
    void aMessageAcceptedBeforeARestartIsDeliveredOnceAfterIt() {
        try (SimulatedNetwork net = new SimulatedNetwork(41)) {
            TomNode alice = durable(net, "alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMinutes(2));
            net.network.partition(List.of(alice.id()), List.of(bob.id()));
            OutboundMessage sent = alice.send(bob.id(), "kept across a restart".getBytes(StandardCharsets.UTF_8));
            net.run(Duration.ofMinutes(2));
            alice.close();
            net.run(Duration.ofSeconds(1));
            net.network.heal();

            TomNode restarted = durable(net, "alice");
            net.run(Duration.ofMinutes(1));

            assertThat(sent.status()).as("this process's handle ended with the node").isEqualTo(MessageStatus.FAILED);
            assertThat(net.inbox(bob)).singleElement().satisfies(m -> {
                assertThat(m.id()).isEqualTo(sent.id());
                assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("kept across a restart");
            });
            assertThat(restarted.metrics().get("messages.delivered")).as("counted for handles only").isZero();
        }
    }

    @Test
    void aRestartedRecipientAcknowledgesACopyInsteadOfDeliveringItTwice() {
        try (SimulatedNetwork net = new SimulatedNetwork(42)) {
            TomNode alice = net.node("alice");
            TomNode bob = durable(net, "bob");
            net.link(alice, bob);
            net.run(Duration.ofSeconds(1));
            // bob's acknowledgements are lost: alice keeps sending copies while bob restarts
            net.network.dropFrames((from, to, channel, frame) -> from.equals(bob.id())
                    && DeliveryScenariosTest.isAck(frame, AckType.RecipientReceived));
            OutboundMessage sent = alice.send(bob.id(), "once".getBytes(StandardCharsets.UTF_8));
            net.run(Duration.ofSeconds(5));
            assertThat(net.inbox(bob)).hasSize(1);
            bob.close();
            net.run(Duration.ofSeconds(1));
            net.network.dropFrames(null);

            TomNode restarted = durable(net, "bob");
            net.link(restarted, alice);

            assertThat(net.runUntil(() -> sent.status() == MessageStatus.DELIVERED, Duration.ofMinutes(5))).isTrue();
            assertThat(net.inbox(bob)).as("delivered once across the restart").hasSize(1);
        }
    }

    @Test
    void aRecipientAcknowledgesAMessageOnlyOnceItsStoreKeptIt() {
        try (SimulatedNetwork net = new SimulatedNetwork(47)) {
            List<String> happened = new java.util.concurrent.CopyOnWriteArrayList<>();
            TomNode alice = net.node("alice");
            TomNode bob = net.node("bob", builder -> builder.dataDir(dirs.resolve("bob")),
                    new ObservedStore(happened));
            net.link(alice, bob);
            net.run(Duration.ofSeconds(1));
            net.network.dropFrames((from, to, channel, frame) -> {
                if (from.equals(bob.id()) && DeliveryScenariosTest.isAck(frame, AckType.RecipientReceived)) {
                    happened.add("acknowledgement sent");
                }
                return false;
            });

            OutboundMessage sent = alice.send(bob.id(), "remember me first".getBytes(StandardCharsets.UTF_8));
            net.run(Duration.ofSeconds(2));

            assertThat(sent.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(happened).containsSubsequence("delivery kept", "acknowledgement sent");
            assertThat(happened.indexOf("delivery kept")).isLessThan(happened.indexOf("acknowledgement sent"));
        }
    }

    @Test
    void aRestartedNodeRejoinsThePeersItKnewWithoutBeingToldThem() {
        try (SimulatedNetwork net = new SimulatedNetwork(43)) {
            TomNode alice = durable(net, "alice");
            TomNode bob = net.node("bob");
            net.link(alice, bob);
            net.run(Duration.ofMinutes(2));
            alice.close();
            net.run(Duration.ofSeconds(1));

            TomNode restarted = durable(net, "alice");
            net.run(Duration.ofSeconds(5));

            assertThat(restarted.peers()).anySatisfy(peer -> {
                assertThat(peer.id()).isEqualTo(bob.id());
                assertThat(peer.directSession()).isTrue();
            });
        }
    }

    @Test
    void theStoreHoldsTheSealedMessageNeverItsPlaintext() throws IOException {
        try (SimulatedNetwork net = new SimulatedNetwork(44)) {
            TomNode alice = durable(net, "alice");
            TomNode bob = net.node("bob");
            net.network.partition(List.of(alice.id()), List.of(bob.id()));
            String secret = "the plaintext must never reach the disk";

            alice.send(bob.id(), secret.getBytes(StandardCharsets.UTF_8));

            try (Stream<Path> files = Files.walk(dirs.resolve("alice"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as("%s", file).doesNotContain(secret);
                }
            }
            assertThat(Files.list(dirs.resolve("alice")).map(p -> p.getFileName().toString())).contains("tom.db");
        }
    }

    @Test
    void aNodeWithoutAStoreKeepsNothingAcrossARestart() {
        try (SimulatedNetwork net = new SimulatedNetwork(45)) {
            TomNode alice = net.node("alice", builder -> builder.dataDir(dirs.resolve("plain")));
            TomNode bob = net.node("bob");
            net.network.partition(List.of(alice.id()), List.of(bob.id()));
            alice.send(bob.id(), "forgotten".getBytes(StandardCharsets.UTF_8));
            net.run(Duration.ofSeconds(1));
            alice.close();
            net.run(Duration.ofSeconds(1));
            net.network.heal();

            TomNode restarted = net.node("alice", builder -> builder.dataDir(dirs.resolve("plain")));
            net.link(restarted, bob);
            net.run(Duration.ofMinutes(1));

            assertThat(net.inbox(bob)).isEmpty();
        }
    }

    @Test
    void aSendTheStoreCannotKeepIsRefusedRatherThanAccepted() {
        try (SimulatedNetwork net = new SimulatedNetwork(46)) {
            TomNode alice = net.node("alice", builder -> builder.dataDir(dirs.resolve("full")), new FullDiskStore());
            TomNode bob = net.node("bob");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> alice.send(bob.id(), new byte[] {1}))
                    .isInstanceOf(org.tomprotocol.api.SendRejectedException.class)
                    .hasMessageContaining("disk full")
                    .extracting(e -> ((org.tomprotocol.api.SendRejectedException) e).reason())
                    .isEqualTo(org.tomprotocol.api.SendRejectedException.Reason.NOT_DURABLE);
            assertThat(alice.metrics().get("store-errors")).isEqualTo(1);
        }
    }

    /** A store whose disk is full: it opens, reads nothing and refuses every write. */
    private static final class FullDiskStore implements org.tomprotocol.spi.store.StoreProvider {
        @Override
        public String id() {
            return "full-disk";
        }

        @Override
        public org.tomprotocol.spi.store.Store open(Path directory) {
            return new org.tomprotocol.spi.store.Store() {
                @Override
                public void put(String namespace, String key, byte[] value, java.time.Instant expiresAt)
                        throws IOException {
                    throw new IOException("disk full");
                }

                @Override
                public java.util.Optional<byte[]> get(String namespace, String key, java.time.Instant now) {
                    return java.util.Optional.empty();
                }

                @Override
                public boolean remove(String namespace, String key) {
                    return false;
                }

                @Override
                public List<String> keys(String namespace, java.time.Instant now) {
                    return List.of();
                }

                @Override
                public int purgeExpired(java.time.Instant now) {
                    return 0;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** The SQLite store, noting when it has kept a delivered message. */
    private static final class ObservedStore implements org.tomprotocol.spi.store.StoreProvider {
        private final List<String> happened;

        ObservedStore(List<String> happened) {
            this.happened = happened;
        }

        @Override
        public String id() {
            return "observed";
        }

        @Override
        public org.tomprotocol.spi.store.Store open(Path directory) throws IOException {
            return new ForwardingStore(new SqliteStoreProvider().open(directory)) {
                @Override
                public void put(String namespace, String key, byte[] value, java.time.Instant expiresAt)
                        throws IOException {
                    super.put(namespace, key, value, expiresAt);
                    if (namespace.equals(DurableState.DELIVERED)) {
                        happened.add("delivery kept");
                    }
                }
            };
        }
    }
}
