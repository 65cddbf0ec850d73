package org.tomprotocol.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;

/**
 * {@code tom chat}'s group commands between two real nodes over QUIC on loopback: one creates a group and invites
 * the other, which joins; a line sent to the group reaches the member and comes back marked with its receipt.
 */
class ChatGroupsTest {
    private final TomNode alice = Tom.node().transports("quic").listen("127.0.0.1:0").start();
    private final TomNode bob = Tom.node().transports("quic").listen("127.0.0.1:0").start();
    private final StringWriter aliceScreen = new StringWriter();
    private final StringWriter bobScreen = new StringWriter();

    @AfterEach
    void close() {
        alice.close();
        bob.close();
    }

    private static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    @Test
    void aGroupIsCreatedJoinedAndChattedInWithReceipts() {
        ChatSession aliceChat = new ChatSession(alice, new PrintWriter(aliceScreen, true));
        ChatSession bobChat = new ChatSession(bob, new PrintWriter(bobScreen, true));
        alice.addPeer(PeerAddress.of(bob.id(), bob.addresses().get(0)));
        until("alice to see bob", () -> !alice.peers().isEmpty());

        aliceChat.handle("/group create team");
        until("the group", () -> aliceScreen.toString().contains("created #team"));
        aliceChat.handle("/invite 1");
        until("bob's invitation", () -> bobScreen.toString().contains("invited to #team"));
        bobChat.handle("/join");
        until("bob in the group", () -> bobScreen.toString().contains("joined #team (2 members"));
        aliceChat.handle("hello team");

        until("bob to read it", () -> bobScreen.toString().contains("] hello team"));
        until("bob's receipt", () -> aliceScreen.toString().contains("#1 ✓✓ 1/1"));
        assertThat(aliceScreen.toString()).contains("#1 ✓ ordered by the hub");
        bobChat.handle("/groups");
        assertThat(bobScreen.toString()).contains("#team  2 members");
    }

    @Test
    void groupCommandsWithoutWhatTheyNeedSayWhatToDo() {
        ChatSession chat = new ChatSession(alice, new PrintWriter(aliceScreen, true));

        chat.handle("/invite 1");
        chat.handle("/join");
        chat.handle("/to #nowhere");
        chat.handle("/group create ");

        assertThat(aliceScreen.toString()).contains("choose a group first", "no invitation is waiting",
                "no group #nowhere", "name the group");
    }
}
