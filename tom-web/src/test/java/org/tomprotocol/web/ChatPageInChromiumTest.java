package org.tomprotocol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;

/**
 * The chat page in real, headless Chromium (Debian's, driven by playwright-core through {@code tools/chromium-page.js}):
 * a Java node with QUIC, the web endpoint and the webrtc plugin serves the page built by this module; a second Java
 * node speaks QUIC only. Two browser tabs, each its own node: the first chats with the endpoint's node both ways with delivered and
 * read marks, reaches the QUIC-only node through the endpoint as a relay, and talks to the second tab first through
 * the endpoint, then over a direct DataChannel whose offer and answer travelled as Signal envelopes.
 * Everything on the page side is done as a user would: typing, clicking, reading the marks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatPageInChromiumTest {
    /** .ci/run sets it: there, a machine without Chromium is a failure, not a skipped test. */
    private static final boolean REQUIRED = "required".equals(System.getenv("TOM_BROWSER_TESTS"));
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TOM_CHROMIUM", "/usr/bin/chromium"));

    private TomNode endpoint;
    private TomNode quicOnly;
    private BrowserNodeProcess tabs;
    private String tab0;
    private String tab1;
    private final LinkedBlockingQueue<InboundMessage> atEndpoint = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<InboundMessage> atQuicOnly = new LinkedBlockingQueue<>();

    @BeforeAll
    void start() throws Exception {
        NodeJs.requireRecentNode();
        if (REQUIRED) {
            assertThat(CHROMIUM).as("Chromium for the browser tests: apt-get install chromium").isExecutable();
        }
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": browser tests skipped");
        Path page = NodeJs.moduleDirectory().resolve("target/classes/page");
        assertThat(page.resolve("tom-page.js")).as("the page built by tools/build-page.js").exists();
        endpoint = Tom.node().transports("quic", "web", "webrtc").listen("127.0.0.1:0").listen("ws:127.0.0.1:0")
                .option("web.page-dir", page.toString()).option("node.name", "endpoint").start();
        endpoint.onMessage(atEndpoint::add);
        quicOnly = Tom.node().transports("quic").listen("127.0.0.1:0").option("node.name", "quic-only")
                .bootstrap(PeerAddress.of(endpoint.id(), endpoint.addresses().stream()
                        .filter(a -> a.scheme().equals("quic") && a.address().startsWith("127.0.0.1:"))
                        .findFirst().orElseThrow()))
                .start();
        quicOnly.onMessage(atQuicOnly::add);
        String url = endpoint.addresses().stream().filter(a -> a.scheme().equals("ws")).findFirst()
                .map(a -> "http://" + a.address() + "/").orElseThrow();
        tabs = new BrowserNodeProcess(List.of("tools/chromium-page.js", url, "2"), line -> { });
        tab0 = tabs.ready(1);
        tab1 = tabs.ready(3);
        assertThat(tabs.ready(2)).as("the page names the node that served it").isEqualTo(endpoint.id().toHex());
    }

    @AfterAll
    void stop() {
        if (tabs != null) {
            tabs.close();
        }
        if (quicOnly != null) {
            quicOnly.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private String send(int tab, String peer, String text) throws Exception {
        tabs.command("send " + tab + " " + peer + " " + text.replace(' ', '_'));
        return tabs.next("sent " + tab + " ").split(" ")[2];
    }

    private void awaitMark(int tab, String id, String status) throws Exception {
        tabs.command("await " + tab + " " + id + " " + status);
        assertThat(tabs.next("status " + tab + " " + id + " ").split(" ")[3])
                .as("the mark of %s in tab %d", id, tab).isEqualTo(status);
    }

    private static InboundMessage take(LinkedBlockingQueue<InboundMessage> queue) throws InterruptedException {
        InboundMessage message = queue.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a message within 10 s").isNotNull();
        return message;
    }

    @Test
    void aBrowserAndTheJavaNodeChatBothWaysWithDeliveredAndReadMarks() throws Exception {
        String id = send(0, endpoint.id().toHex(), "hello Java, from Chromium");
        awaitMark(0, id, "delivered");
        InboundMessage message = take(atEndpoint);
        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("hello Java, from Chromium");
        assertThat(message.sender().toHex()).isEqualTo(tab0);
        assertThat(message.id().value()).isEqualTo(id);
        endpoint.markRead(message);
        awaitMark(0, id, "read");

        OutboundMessage reply = endpoint.send(NodeId.parse(tab0), "hello Chromium".getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Void> read = new CompletableFuture<>();
        reply.onStatusChange(change -> {
            if (change.current() == MessageStatus.READ) {
                read.complete(null);
            }
        });
        tabs.command("expect 0 " + endpoint.id().toHex() + " hello_Chromium");
        assertThat(tabs.next("received 0 ")).contains(reply.id().value() + " 0 ");
        // opening the conversation on a visible page read it: the receipt comes back
        read.get(10, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(MessageStatus.READ);

        Path screenshot = NodeJs.moduleDirectory().resolve("target/chat-page.png");
        tabs.command("screenshot 0 " + screenshot);
        tabs.next("screenshot ");
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void onceItsDataChannelIsUpTheBrowserAndTheJavaNodeTalkOverIt() throws Exception {
        // the page offered a channel to the endpoint's node as soon as its socket was up; the Java webrtc plugin
        // answered through the node, with signalling sealed and signed like any envelope
        tabs.command("direct 0 " + endpoint.id().toHex());
        tabs.next("direct 0 ");

        OutboundMessage toBrowser = endpoint.send(NodeId.parse(tab0), "over WebRTC".getBytes(StandardCharsets.UTF_8));
        tabs.command("expect 0 " + endpoint.id().toHex() + " over_WebRTC");
        assertThat(tabs.next("received 0 ")).endsWith(toBrowser.id().value() + " 0 datachannel");
        toBrowser.delivered().toCompletableFuture().get(10, TimeUnit.SECONDS);

        String id = send(0, endpoint.id().toHex(), "back over WebRTC");
        awaitMark(0, id, "delivered");
        InboundMessage message = take(atEndpoint);
        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("back over WebRTC");
    }

    @Test
    void aBrowsersMessageReachesAQuicOnlyNodeThroughTheEndpointAndItsAcknowledgementComesBack() throws Exception {
        eventually(() -> endpoint.peers().stream().anyMatch(p -> p.id().equals(quicOnly.id())));
        String id = send(0, quicOnly.id().toHex(), "through the relay");
        awaitMark(0, id, "delivered");
        InboundMessage message = take(atQuicOnly);
        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("through the relay");
        assertThat(message.sender().toHex()).isEqualTo(tab0);
        assertThat(message.id().value()).isEqualTo(id);
    }

    @Test
    void twoTabsChatOverADirectDataChannelSetUpBySignallingThroughTheEndpoint() throws Exception {
        String first = send(0, tab1, "tab to tab");
        tabs.command("expect 1 " + tab0 + " tab_to_tab");
        assertThat(tabs.next("received 1 ")).contains(first);
        // tab 1 opened the conversation to find it: delivered, then read
        awaitMark(0, first, "read");

        // opening the conversation started the offer; the answer came back through the endpoint
        tabs.command("direct 0 " + tab1);
        tabs.next("direct 0 ");
        tabs.command("direct 1 " + tab0);
        tabs.next("direct 1 ");
        String direct = send(0, tab1, "over the data channel");
        tabs.command("expect 1 " + tab0 + " over_the_data_channel");
        assertThat(tabs.next("received 1 ")).as("no relay: straight from tab 0").endsWith(direct + " 0 datachannel");
        awaitMark(0, direct, "read");

        String back = send(1, tab0, "and back");
        tabs.command("expect 0 " + tab1 + " and_back");
        assertThat(tabs.next("received 0 ")).endsWith(back + " 0 datachannel");
        awaitMark(1, back, "read");
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("reached within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
