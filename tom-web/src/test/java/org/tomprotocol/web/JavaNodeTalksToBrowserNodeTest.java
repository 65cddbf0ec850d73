package org.tomprotocol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;

/**
 * A whole Java node and the browser node's protocol core ({@code src/node.js}, in a Node.js process) talk over a pipe:
 * each delivers the other's encrypted chats, and each learns of its own chat's delivery only from the other's signed
 * acknowledgement — the two implementations agree on the wire, the crypto and the delivery rules.
 */
class JavaNodeTalksToBrowserNodeTest {
    private static final HexFormat HEX = HexFormat.of();

    private PipeToBrowserNode browser;
    private TomNode java;
    private final CompletableFuture<InboundMessage> received = new CompletableFuture<>();

    @BeforeAll
    static void nodeIsThere() throws Exception {
        NodeJs.requireRecentNode();
    }

    @BeforeEach
    void start() throws Exception {
        byte[] seed = new byte[32];
        seed[0] = 42;
        browser = new PipeToBrowserNode(seed);
        java = Tom.node().serviceLoading(false).provider(new TomV1CryptoSuiteProvider()).provider(browser)
                .transports(PipeToBrowserNode.SCHEME).start();
        java.onMessage(received::complete);
        java.addPeer(PeerAddress.of(browser.browserId(), browser.address()));
    }

    @AfterEach
    void stop() {
        java.close();
        browser.close();
    }

    @Test
    void theBrowserNodeDeliversAJavaChatItsAcknowledgementMakesItDeliveredAndItsReceiptRead() throws Exception {
        OutboundMessage sent = java.send(browser.browserId(), "hello from Java".getBytes(StandardCharsets.UTF_8));

        String delivered = browser.next("delivered ");
        sent.delivered().toCompletableFuture().get(10, TimeUnit.SECONDS);

        String[] parts = delivered.split(" ");
        assertThat(parts[1]).isEqualTo(java.id().toHex());
        assertThat(parts[2]).isEqualTo(sent.id().value());
        assertThat(new String(HEX.parseHex(parts[3]), StandardCharsets.UTF_8)).isEqualTo("hello from Java");
        assertThat(sent.status()).isEqualTo(MessageStatus.DELIVERED);

        CompletableFuture<Void> read = new CompletableFuture<>();
        sent.onStatusChange(change -> {
            if (change.current() == MessageStatus.READ) {
                read.complete(null);
            }
        });
        browser.command("read " + java.id().toHex() + " " + sent.id().value());
        read.get(10, TimeUnit.SECONDS);
        assertThat(sent.status()).isEqualTo(MessageStatus.READ);
    }

    @Test
    void theJavaNodeDeliversABrowserChatAndTheBrowserNodeLearnsItWasDeliveredThenRead() throws Exception {
        browser.command("send " + java.id().toHex() + " " + HEX.formatHex("hello from JS".getBytes(StandardCharsets.UTF_8)));
        String id = browser.next("sent ").substring("sent ".length());

        InboundMessage message = received.get(10, TimeUnit.SECONDS);

        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("hello from JS");
        assertThat(message.sender()).isEqualTo(browser.browserId());
        assertThat(message.id().value()).isEqualTo(id);
        assertThat(browser.next("status ")).isEqualTo("status " + id + " delivered");

        java.markRead(message);
        assertThat(browser.next("status ")).isEqualTo("status " + id + " read");
    }
}
