package org.tomprotocol.cli.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.tomprotocol.api.TomNode;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Serves a node's metrics in the Prometheus text format on {@code http://HOST:PORT/metrics}. Each scrape
 * takes a fresh {@link TomNode#metrics()} snapshot, on the endpoint's one daemon thread: scrapes are rare
 * and never touch the node's own threads.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HTTPServer server;
    private final ExecutorService executor;
    private final MetricsAddress address;

    private MetricsEndpoint(HTTPServer server, ExecutorService executor, MetricsAddress address) {
        this.server = server;
        this.executor = executor;
        this.address = address;
    }

    /** Starts serving {@code node}'s metrics at {@code address}. */
    public static MetricsEndpoint start(TomNode node, MetricsAddress address) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new NodeCollector(node));
        ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                .name("tom-metrics").factory());
        try {
            HTTPServer server = HTTPServer.builder().hostname(address.host()).port(address.port())
                    .registry(registry).executorService(executor).buildAndStart();
            return new MetricsEndpoint(server, executor, address);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot serve metrics on " + address.host() + ":" + address.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on (the one picked when asked for port 0). */
    public int port() {
        return server.getPort();
    }

    /** Where to scrape. */
    public String url() {
        String host = address.host().contains(":") ? "[" + address.host() + "]" : address.host();
        return "http://" + host + ":" + port() + "/metrics";
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }

    private record NodeCollector(TomNode node) implements MultiCollector {
        @Override
        public MetricSnapshots collect() {
            return PrometheusSnapshots.of(node.metrics());
        }
    }
}
