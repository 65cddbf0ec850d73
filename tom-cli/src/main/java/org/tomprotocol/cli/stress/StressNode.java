package org.tomprotocol.cli.stress;

import java.time.Duration;
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
import org.tomprotocol.cli.node.FirstSession;
import org.tomprotocol.cli.node.NodeOptions;
import org.tomprotocol.cli.output.Samples;

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
        FirstSession.await(node, System.nanoTime() + TimeUnit.SECONDS.toNanos(15));
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
        private final Samples rtts = new Samples(16);
        private int failed;

        void add(Outcome outcome) {
            if (outcome.delivered()) {
                rtts.add(TimeUnit.MICROSECONDS.toNanos(outcome.rttMicros()));
            } else {
                failed++;
            }
        }

        int delivered() {
            return rtts.count();
        }

        int failed() {
            return failed;
        }

        /** min, max, avg, p50, p99 of the round trips in milliseconds; empty when nothing was delivered. */
        Map<String, Object> rttStats() {
            Map<String, Object> stats = new LinkedHashMap<>();
            if (rtts.count() == 0) {
                return stats;
            }
            stats.put("rtt_min_ms", millis(rtts.percentileMicros(0)));
            stats.put("rtt_max_ms", millis(rtts.percentileMicros(1)));
            stats.put("rtt_avg_ms", millis(rtts.meanMicros()));
            stats.put("rtt_p50_ms", millis(rtts.percentileMicros(0.50)));
            stats.put("rtt_p99_ms", millis(rtts.percentileMicros(0.99)));
            return stats;
        }
    }

    /** Microseconds as milliseconds with two decimals. */
    static double millis(double micros) {
        return Math.round(Math.round(micros) / 10.0) / 100.0;
    }

    @Override
    public void close() {
        node.close();
    }
}
