package org.tomprotocol.cli.node;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.tomprotocol.api.DeliveryReceipt;
import org.tomprotocol.api.NodeEvent;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PathChange;
import org.tomprotocol.api.PathKind;
import org.tomprotocol.api.SendRejectedException;
import org.tomprotocol.api.TomNode;

/**
 * Sends {@code --count} messages to one peer, one every {@code --interval}, and prints a line when each is
 * accepted ({@code send} returned: durable, on a node with a data directory) and a line per outcome
 * (delivered or failed, the path of its last transmission, the round trip to the recipient's acknowledgement),
 * then a summary: how many were delivered, how long the first direct path took, which share went direct
 * after it. Path changes are counted as they come ({@link #pathChanged}).
 */
final class SendLoop {
    private static final long JOIN_TIMEOUT_MS = 30_000;

    private final TomNode node;
    private final EventLines lines;
    private final SendLoopOptions options;
    private final NodeId target;
    private final MessageTally tally = new MessageTally();

    SendLoop(TomNode node, EventLines lines, SendLoopOptions options) {
        this.node = node;
        this.lines = lines;
        this.options = options;
        this.target = NodeId.parse(options.sendTo);
    }

    /** Starts sending on a thread of its own. */
    void start() {
        Thread.ofPlatform().name("tom-node-send-loop").daemon().start(() -> {
            try {
                run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A node event: path changes towards the target are counted. */
    void pathChanged(NodeEvent event) {
        if (event instanceof PathChange change && change.peer().equals(target)) {
            tally.pathChanged(change);
        }
    }

    private void run() throws InterruptedException {
        FirstSession.await(node, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_TIMEOUT_MS));
        awaitStartFile();
        List<CompletableFuture<Void>> outcomes = new ArrayList<>();
        long next = System.nanoTime();
        for (int seq = 1; seq <= options.count; seq++) {
            outcomes.add(send(seq));
            next += TimeUnit.MILLISECONDS.toNanos(options.intervalMillis);
            long wait = next - System.nanoTime();
            if (wait > 0 && seq < options.count) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        try {
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                    .get(options.settleSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // reported as undelivered in the summary
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e); // outcomes never complete exceptionally
        }
        lines.emit("summary", tally.summary(target));
    }

    private void awaitStartFile() throws InterruptedException {
        while (options.startFile != null && !Files.exists(options.startFile)) {
            Thread.sleep(10);
        }
    }

    /** Sends message {@code seq}; the stage completes (normally) once its outcome was printed. */
    private CompletableFuture<Void> send(int seq) {
        byte[] payload = (options.payload + " " + seq).getBytes(StandardCharsets.UTF_8);
        long sentAtMillis = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        OutboundMessage message;
        try {
            message = node.send(target, payload);
        } catch (SendRejectedException e) {
            Map<String, Object> fields = outcome(seq, null, "rejected", sentAtMillis);
            fields.put("reason", e.getMessage());
            tally.settled(sentAtMillis, false, false);
            lines.emit("outcome", fields);
            return CompletableFuture.completedFuture(null);
        }
        tally.sent();
        // accepted: a durable node (with a data directory) has kept it, and will deliver it even after a crash
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("seq", seq);
        accepted.put("id", message.id().value());
        accepted.put("to", target.toHex());
        lines.emit("accepted", accepted);
        return message.delivered().toCompletableFuture().handle((DeliveryReceipt receipt, Throwable error) -> {
            boolean direct = message.path().isEmpty();
            Map<String, Object> fields = outcome(seq, message, error == null ? "delivered" : "failed", sentAtMillis);
            fields.put("path", direct ? PathKind.DIRECT.name().toLowerCase() : PathKind.RELAY.name().toLowerCase());
            fields.put("relays", message.path().size());
            if (error == null) {
                fields.put("rtt_ms", Math.round((System.nanoTime() - startNanos) / 1e4) / 100.0);
            } else {
                fields.put("reason", String.valueOf(error.getMessage()));
            }
            tally.settled(sentAtMillis, error == null, direct);
            lines.emit("outcome", fields);
            return null;
        });
    }

    private Map<String, Object> outcome(int seq, OutboundMessage message, String status, long sentAtMillis) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("id", message == null ? null : message.id().value());
        fields.put("to", target.toHex());
        fields.put("status", status);
        fields.put("sent_at_ms", sentAtMillis);
        return fields;
    }
}
