package org.tomprotocol.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code tom node --metrics} in its own JVM, over real QUIC on loopback: another node sends it a message, it
 * sends three to that node, and a scrape of {@code /metrics} shows the counters, gauges and histograms with the
 * values those exchanges must give. Its log, asked for as JSON, is one JSON object per line.
 */
class NodeMetricsEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private TomNode peer;
    private Process tom;

    @TempDir
    Path work;

    @AfterEach
    void stop() throws InterruptedException {
        TomProcess.stop(tom);
        if (peer != null) {
            peer.close();
        }
    }

    private record Scrape(int status, String contentType, String body) {
    }

    /** An HTTP GET as Prometheus does it (java.net.http is not among the CLI module's requires). */
    private static Scrape scrape(String url) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        try {
            String body = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Scrape(connection.getResponseCode(), connection.getContentType(), body);
        } finally {
            connection.disconnect();
        }
    }

    /** The value of the sample {@code series} (name and labels as exposed), or -1 if absent. */
    private static double sample(String exposition, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    @Test
    void aScrapeShowsMessagesByOutcomeCryptoTimesDeliveryTimesAndPeers() throws Exception {
        peer = Tom.node().transports("quic").listen("127.0.0.1:0").start();
        peer.onMessage(message -> received.add(new String(message.payload(), StandardCharsets.UTF_8)));
        String address = peer.addresses().stream().map(a -> a.address()).filter(a -> a.startsWith("127.0.0.1:"))
                .findFirst().orElseThrow();
        tom = TomProcess.start(work, List.of(), "node", "--listen", "127.0.0.1:0", "--json", "--bootstrap", peer.id().toHex() + "@" + address,
                "--metrics", "127.0.0.1:0", "--send-to", peer.id().toHex(), "--count", "3", "--interval", "50");
        BlockingQueue<JsonNode> events = TomProcess.events(tom);
        NodeId tomId = NodeId.parse(TomProcess.await(events, "started").get("node_id").asText());
        String url = TomProcess.await(events, "metrics").get("url").asText();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/metrics");

        JsonNode summary = TomProcess.await(events, "summary");
        assertThat(summary.toString()).contains("\"delivered\":3");
        OutboundMessage hello = peer.send(tomId, "hello tom".getBytes(StandardCharsets.UTF_8));
        hello.delivered().toCompletableFuture().get(30, TimeUnit.SECONDS);

        Scrape response = scrape(url);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        String metrics = response.body();
        assertThat(metrics).contains("# TYPE tom_messages_total counter", "# TYPE tom_crypto_seconds histogram",
                "# TYPE tom_delivery_seconds histogram", "# TYPE tom_queue_depth gauge");
        assertThat(sample(metrics, "tom_messages_sent_total")).isEqualTo(3);
        assertThat(sample(metrics, "tom_messages_total{outcome=\"delivered\"}")).isEqualTo(3);
        assertThat(sample(metrics, "tom_messages_received_total")).isEqualTo(1);
        assertThat(sample(metrics, "tom_delivery_seconds_count")).isEqualTo(3);
        assertThat(sample(metrics, "tom_delivery_seconds_bucket{le=\"+Inf\"}")).isEqualTo(3);
        assertThat(sample(metrics, "tom_delivery_seconds_sum")).isPositive().isLessThan(30);
        assertThat(sample(metrics, "tom_crypto_seconds_count{operation=\"seal\"}")).isEqualTo(3);
        assertThat(sample(metrics, "tom_crypto_seconds_count{operation=\"open\"}")).isEqualTo(1);
        assertThat(sample(metrics, "tom_crypto_seconds_count{operation=\"sign\"}")).isGreaterThanOrEqualTo(4);
        assertThat(sample(metrics, "tom_crypto_seconds_count{operation=\"verify\"}")).isGreaterThanOrEqualTo(4);
        assertThat(sample(metrics, "tom_peers{state=\"online\"}")).isEqualTo(1);
        assertThat(sample(metrics, "tom_sessions")).isEqualTo(1);
        assertThat(sample(metrics, "tom_messages_in_flight")).isZero();
        assertThat(sample(metrics, "tom_queue_depth{queue=\"network\"}")).isGreaterThanOrEqualTo(0);
        assertThat(received).containsExactlyInAnyOrder("message 1", "message 2", "message 3");

        tom.destroy();
        assertThat(tom.waitFor(20, TimeUnit.SECONDS)).isTrue();
        List<String> log = Files.readAllLines(work.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(log).as("TOM_LOG_LEVEL=FINE logs the node's start at least").isNotEmpty();
        for (String line : log) {
            JsonNode record = JSON.readTree(line);
            assertThat(record.fieldNames()).toIterable().as(line)
                    .contains("timestamp", "level", "logger", "thread", "message");
        }
        assertThat(log).anyMatch(line -> line.contains("\"logger\":\"org.tomprotocol.core.runtime.NodeAssembly\""));
    }
}
