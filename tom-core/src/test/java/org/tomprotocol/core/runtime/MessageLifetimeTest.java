package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.spi.store.Store;
import org.tomprotocol.store.sqlite.SqliteStoreProvider;

/**
 * Lock 2: a message vanishes everywhere 24 h after its timestamp. Three durable nodes exchange messages (delivered,
 * delivered and read, relayed, and one to a node that never comes back); 25 h later no node holds anything of any
 * of them: nothing in flight or awaiting a receipt, nothing remembered against replay, no handle, no store entry.
 */
class MessageLifetimeTest {
    @TempDir
    Path dirs;

    private TomNode durable(SimulatedNetwork net, String name) {
        return net.node(name, builder -> builder.dataDir(dirs.resolve(name)), new SqliteStoreProvider());
    }

    @Test
    void twentyFiveHoursLaterNoNodeHoldsAnythingOfAnyMessage() throws IOException {
        List<String> names = List.of("alice", "relay", "bob");
        try (SimulatedNetwork net = new SimulatedNetwork(48)) {
            TomNode alice = durable(net, "alice");
            TomNode relay = durable(net, "relay");
            TomNode bob = durable(net, "bob");
            TomNode gone = net.node("gone");
            net.link(alice, relay);
            net.link(bob, relay);
            net.link(alice, gone);
            net.run(Duration.ofSeconds(2));
            net.network.crash(gone.id());

            OutboundMessage read = alice.send(bob.id(), text("read it"));
            OutboundMessage unread = bob.send(alice.id(), text("never read"));
            OutboundMessage lost = alice.send(gone.id(), text("to a node that never comes back"));
            net.run(Duration.ofSeconds(5));
            net.inbox(bob).forEach(bob::markRead);
            net.run(Duration.ofSeconds(5));
            assertThat(read.status()).isEqualTo(MessageStatus.READ);
            assertThat(unread.status()).isEqualTo(MessageStatus.DELIVERED);
            int heldAtFirst = names.stream().map(net::named).mapToInt(node -> ((NodeFacade) node).messagesHeld()).sum();
            assertThat(heldAtFirst).as("what the nodes hold while the messages are young").isPositive();

            net.run(Duration.ofHours(25));

            assertThat(lost.status()).isEqualTo(MessageStatus.FAILED);
            for (String name : names) {
                assertThat(((NodeFacade) net.named(name)).messagesHeld()).as("%s holds, in memory", name).isZero();
            }
            for (String name : names) {
                net.named(name).close();
            }
            net.run(Duration.ofSeconds(1));
        }
        for (String name : names) {
            try (Store store = new SqliteStoreProvider().open(dirs.resolve(name))) {
                for (String namespace : List.of(DurableState.OUTBOX, DurableState.DELIVERED)) {
                    assertThat(store.keys(namespace, Instant.EPOCH)).as("%s's %s on disk", name, namespace).isEmpty();
                }
            }
        }
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
