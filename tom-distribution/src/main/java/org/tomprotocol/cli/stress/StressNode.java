package org.tomprotocol.cli.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.tomprotocol.api.DeliveryReceipt;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.node.EventLines;
import org.tomprotocol.cli.node.NodeOptions;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The short-lived node a stress mode sends from, and how it times one message. */
final class StressNode implements AutoCloseable {
    /** One message's outcome: its round trip to the recipient's acknowledgement, or why it failed. */
    record Outcome(boolean delivered, long rttMicros, int relays, String failure) {
    }

    private final TomNode node;
    private final EventLines lines;
    private final long startNanos = System.nanoTime();

    StressNode(NodeOptions options, CommandSpec spec, String mode) throws InterruptedException {
        if (options.bootstrap().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "tom stress needs --bootstrap NODEID@HOST:PORT: a node of the network to join through");
        }
        this.node = options.builder(spec.commandLine().getErr()).start();
        this.lines = new EventLines(spec.commandLine().getOut(), true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && node.peers().stream().noneMatch(p -> p.directSession())) {
            Thread.sleep(20);
        }
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("mode", mode);
        started.put("node_id", node.id().toHex());
        started.put("addresses", node.addresses().stream().map(Object::toString).toList());
        lines.emit("started", started);
    }

    TomNode node() {
        return node;
    }

    void emit(String event, Map<String, Object> fields) {
        Map<String, Object> withElapsed = new LinkedHashMap<>(fields);
        withElapsed.put("elapsed_s", Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0);
        lines.emit(event, withElapsed);
    }

    /** Sends and waits for the acknowledgement, up to {@code timeout}. */
    Outcome sendAndWait(NodeId to, byte[] payload, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        OutboundMessage message = node.send(to, payload);
        return await(message, start, timeout);
    }

    /** The outcome of a message sent at {@code startNanos}. */
    static Outcome await(OutboundMessage message, long startNanos, Duration timeout) throws InterruptedException {
        CompletableFuture<DeliveryReceipt> delivered = message.delivered().toCompletableFuture();
        try {
            delivered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(true, (System.nanoTime() - startNanos) / 1_000, message.path().size(), null);
        } catch (ExecutionException e) {
            return new Outcome(false, -1, message.path().size(), e.getCause().getMessage());
        } catch (TimeoutException e) {
            return new Outcome(false, -1, message.path().size(), "no acknowledgement within " + timeout.toSeconds() + " s");
        }
    }

    /** Waits for every message sent at {@code startNanos}, each up to {@code timeout} from now. */
    static Tally awaitAll(List<OutboundMessage> sent, long startNanos, Duration timeout) throws InterruptedException {
        Tally tally = new Tally();
        for (OutboundMessage message : sent) {
            tally.add(await(message, startNanos, timeout));
        }
        return tally;
    }

    /** The round trips of the delivered messages of a step, and how many were not delivered. */
    static final class Tally {
        private final List<Long> rttMicros = new ArrayList<>();
        private int failed;

        void add(Outcome outcome) {
            if (outcome.delivered()) {
                rttMicros.add(outcome.rttMicros());
            } else {
                failed++;
            }
        }

        int delivered() {
            return rttMicros.size();
        }

        int failed() {
            return failed;
        }

        Map<String, Object> rttStats() {
            return StressNode.rttStats(rttMicros);
        }
    }

    static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    /** min, max, avg, p50, p99 of round trips in milliseconds. */
    static Map<String, Object> rttStats(List<Long> micros) {
        Map<String, Object> stats = new LinkedHashMap<>();
        if (micros.isEmpty()) {
            return stats;
        }
        List<Long> sorted = micros.stream().sorted().toList();
        stats.put("rtt_min_ms", millis(sorted.get(0)));
        stats.put("rtt_max_ms", millis(sorted.get(sorted.size() - 1)));
        stats.put("rtt_avg_ms", millis(Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0))));
        stats.put("rtt_p50_ms", millis(sorted.get(Math.max(0, (int) Math.ceil(0.50 * sorted.size()) - 1))));
        stats.put("rtt_p99_ms", millis(sorted.get(Math.max(0, (int) Math.ceil(0.99 * sorted.size()) - 1))));
        return stats;
    }

    @Override
    public void close() {
        node.close();
    }
}
