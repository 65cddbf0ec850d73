package org.tomprotocol.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;
import org.tomprotocol.transport.web.WebTransportProvider;

/**
 * A browser node reaches a Java node through its web endpoint: it connects to the {@code ws} transport's WebSocket,
 * proves its identity, and the two exchange encrypted chats both ways, each confirmed by the other's signed
 * acknowledgement. The browser node is the module's own code ({@code src/websocket.js}, {@code src/node.js}) on
 * Node.js's WebSocket.
 */
class BrowserOverWebSocketTest {
    private static final HexFormat HEX = HexFormat.of();

    private TomNode java;
    private BrowserNodeProcess browser;
    private String endpoint;
    private final CompletableFuture<InboundMessage> received = new CompletableFuture<>();

    @BeforeAll
    static void nodeIsThere() throws Exception {
        NodeJs.requireRecentNode();
    }

    @BeforeEach
    void start() throws Exception {
        java = Tom.node().serviceLoading(false).provider(new TomV1CryptoSuiteProvider())
                .provider(new WebTransportProvider()).transports("web").listen("ws:127.0.0.1:0").start();
        java.onMessage(received::complete);
        TransportAddress address = java.addresses().stream().filter(a -> a.scheme().equals("ws")).findFirst()
                .orElseThrow();
        endpoint = "ws://" + address.address() + "/tom";
        byte[] seed = new byte[32];
        seed[0] = 7;
        browser = new BrowserNodeProcess(List.of("--experimental-websocket", "tools/ws-node.js", endpoint,
                HEX.formatHex(seed)), line -> { });
    }

    @AfterEach
    void stop() {
        browser.close();
        java.close();
    }

    @Test
    void theBrowserNodeGreetsTheEndpointItMeant() {
        assertThat(browser.ready(2)).isEqualTo(java.id().toHex());
    }

    @Test
    void chatsGoBothWaysOverTheSocketAndAreConfirmedByTheOtherSide() throws Exception {
        String browserId = browser.ready(1);
        org.tomprotocol.api.NodeId browserNode = org.tomprotocol.api.NodeId.parse(browserId);
        // the browser connected: the Java node has a session with it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (java.peers().stream().noneMatch(p -> p.id().equals(browserNode)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        OutboundMessage sent = java.send(browserNode, "hello browser".getBytes(StandardCharsets.UTF_8));
        String delivered = browser.next("delivered ");
        sent.delivered().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(new String(HEX.parseHex(delivered.split(" ")[3]), StandardCharsets.UTF_8)).isEqualTo("hello browser");
        assertThat(sent.status()).isEqualTo(MessageStatus.DELIVERED);

        browser.command("send " + java.id().toHex() + " " + HEX.formatHex("hello Java".getBytes(StandardCharsets.UTF_8)));
        String id = browser.next("sent ").substring("sent ".length());
        InboundMessage message = received.get(10, TimeUnit.SECONDS);
        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("hello Java");
        assertThat(message.sender()).isEqualTo(browserNode);
        assertThat(browser.next("status ")).isEqualTo("status " + id + " delivered");
    }

    @Test
    void theEndpointsPageNamesTheNode() throws Exception {
        String page = endpoint.replace("ws://", "http://").replace("/tom", "/");
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> elsewhere = client.send(HttpRequest.newBuilder(URI.create(page + "nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains(java.id().toHex()).contains("/tom");
            assertThat(elsewhere.statusCode()).isEqualTo(404);
        }
    }
}
