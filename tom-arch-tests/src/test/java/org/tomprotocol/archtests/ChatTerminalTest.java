package org.tomprotocol.archtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tomprotocol.archtests.support.JavaProcess;

/**
 * {@code tom chat} driven through real pseudo-terminals (tmux): Alice lists her peers, picks Bob, types a
 * line; she sees it delivered then read, and Bob's terminal shows it.
 */
class ChatTerminalTest {
    private static final Path ROOT = Path.of(System.getProperty("tom.root", "..")).toAbsolutePath().normalize();
    private static final String ALICE = "tom-chat-alice-" + ProcessHandle.current().pid();
    private static final String BOB = "tom-chat-bob-" + ProcessHandle.current().pid();

    private static boolean available(String command) {
        return JavaProcess.run(List.of("bash", "-c", "command -v " + command), ROOT, Map.of()).exitCode() == 0;
    }

    private static JavaProcess.Result tmux(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        return JavaProcess.run(command, ROOT, Map.of());
    }

    private static String screen(String session) {
        return tmux("capture-pane", "-p", "-t", session).stdout();
    }

    private static String waitForScreen(String session, Predicate<String> condition, String what)
            throws InterruptedException {
        return retypeUntil(session, null, condition, what);
    }

    /**
     * Waits up to 30 s for the screen to satisfy {@code condition}; types {@code line} (unless null) at once and
     * again every second meanwhile.
     */
    private static String retypeUntil(String session, String line, Predicate<String> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long nextType = System.nanoTime();
        String screen = screen(session);
        while (!condition.test(screen)) {
            assertThat(System.nanoTime()).as("waiting for %s; screen of %s:%n%s", what, session, screen)
                    .isLessThan(deadline);
            if (line != null && System.nanoTime() >= nextType) {
                type(session, line);
                nextType = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            }
            Thread.sleep(100);
            screen = screen(session);
        }
        return screen;
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void type(String session, String line) {
        tmux("send-keys", "-t", session, line, "Enter");
    }

    @Test
    void aUserChatsThroughATerminalAndSeesDeliveryAndReadMarks() throws Exception {
        assumeTrue(available("tmux"), "tmux is not installed (.ci/run installs it)");
        assumeTrue(Files.isDirectory(ROOT.resolve("tom-distribution/target/modules")), "the CLI is not built");
        String tom = "bash " + ROOT.resolve("tom");
        int bobPort = freeUdpPort();
        try {
            tmux("new-session", "-d", "-s", BOB, "-x", "200", "-y", "50",
                    tom + " chat --name bob --listen 127.0.0.1:" + bobPort);
            Matcher bobId = Pattern.compile("you are ([0-9a-f]{64})")
                    .matcher(waitForScreen(BOB, s -> s.contains("you are"), "Bob's chat to start"));
            assertThat(bobId.find()).isTrue();

            tmux("new-session", "-d", "-s", ALICE, "-x", "200", "-y", "50",
                    tom + " chat --name alice --bootstrap " + bobId.group(1) + "@127.0.0.1:" + bobPort);
            waitForScreen(ALICE, s -> s.contains("you are"), "Alice's chat to start");
            // alice may still be joining when her chat starts: ask again, as a user would, until bob is listed
            retypeUntil(ALICE, "/peers", s -> s.contains("1. ") && s.contains(bobId.group(1).substring(0, 8)),
                    "Bob in Alice's peer list");
            type(ALICE, "/to 1");
            waitForScreen(ALICE, s -> s.contains("talking to"), "Bob to be chosen");
            type(ALICE, "hello from a terminal");

            waitForScreen(BOB, s -> s.contains("hello from a terminal"), "the line on Bob's terminal");
            waitForScreen(ALICE, s -> s.contains("#1 ✓✓ delivered"), "the delivered mark");
            waitForScreen(ALICE, s -> s.contains("#1 ✓✓ read"), "the read mark");
            type(ALICE, "/quit");
            waitForScreen(ALICE, s -> s.contains("bye") || s.isBlank(), "Alice's chat to end");
        } finally {
            tmux("kill-session", "-t", ALICE);
            tmux("kill-session", "-t", BOB);
        }
    }
}
