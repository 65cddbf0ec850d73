package org.tomprotocol.cli.node;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.tomprotocol.api.DeliveryReceipt;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tom send}: joins a running network with a short-lived node, sends one message and exits 0 once the message
 * is safe without this node: delivered, or held by other nodes for a recipient out of reach (backed up). With
 * {@code --wait-delivered}, only the final recipient's acknowledgement will do.
 */
@Command(name = "send",
        mixinStandardHelpOptions = true,
        description = "Sends one end-to-end encrypted message through a running network. Exit 0: delivered, or "
                + "(without --wait-delivered) held by other nodes until the offline recipient comes back; 1: neither "
                + "within the timeout, with the reason; 2: usage error.")
public final class SendCommand implements Callable<Integer> {
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Parameters(index = "0", paramLabel = "NODEID", description = "The recipient's node id (64 hex characters).")
    private String recipient;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The message.")
    private String text;

    @Option(names = "--wait-delivered", description = "Wait for the recipient's acknowledgement.")
    private boolean waitDelivered;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "100",
            description = "Give up after this long (default ${DEFAULT-VALUE} s).")
    private long timeoutSeconds;

    @Option(names = "--json", description = "Print the outcome as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (options.bootstrap().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "tom send needs --bootstrap NODEID@HOST:PORT: a node of the network to join through");
        }
        NodeId to;
        try {
            to = NodeId.parse(recipient);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try (TomNode node = options.builder(spec.commandLine().getErr()).start()) {
            FirstSession.await(node, deadline);
            OutboundMessage message = node.send(to, text.getBytes(StandardCharsets.UTF_8));
            if (!json) {
                message.onStatusChange(change -> {
                    if (change.current() == MessageStatus.BACKED_UP) {
                        spec.commandLine().getErr().println("the recipient is offline: the message is held by other "
                                + "nodes, which deliver it when it comes back (within 24 h)"
                                + (waitDelivered ? "; waiting for delivery…" : ""));
                        spec.commandLine().getErr().flush();
                    }
                });
            }
            return waitDelivered ? awaitDelivery(message, deadline) : awaitSafe(message, deadline);
        }
    }

    private int awaitDelivery(OutboundMessage message, long deadline) throws InterruptedException {
        CompletableFuture<DeliveryReceipt> delivered = message.delivered().toCompletableFuture();
        long start = System.nanoTime();
        try {
            DeliveryReceipt receipt = null;
            while (receipt == null) {
                long left = deadline - System.nanoTime();
                try {
                    receipt = delivered.get(Math.max(0, Math.min(left, PROGRESS_EVERY_NANOS)), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (left <= PROGRESS_EVERY_NANOS) {
                        throw e;
                    }
                    progress(message, start);
                }
            }
            report(message, "delivered", null, receipt.latency());
            return 0;
        } catch (ExecutionException e) {
            report(message, "failed", e.getCause().getMessage(), null);
            return 1;
        } catch (TimeoutException e) {
            report(message, "timeout", "no acknowledgement from the recipient within " + timeoutSeconds
                    + " s (last status: " + message.status().name().toLowerCase() + ")", null);
            return 1;
        }
    }

    /** A line every 10 s while waiting for the recipient, unless the output is JSON. */
    private void progress(OutboundMessage message, long start) {
        if (json) {
            return;
        }
        spec.commandLine().getErr().println("still waiting for delivery after "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s (status: "
                + message.status().name().toLowerCase() + ")");
        spec.commandLine().getErr().flush();
    }

    /** Until the message no longer needs this short-lived node: delivered, or backed up by others. */
    private int awaitSafe(OutboundMessage message, long deadline) throws InterruptedException {
        while (!isSafe(message.status()) && message.status() != MessageStatus.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        MessageStatus status = message.status();
        if (status == MessageStatus.FAILED) {
            report(message, "failed", "the message could not be sent", null);
            return 1;
        }
        if (!isSafe(status)) {
            report(message, "timeout", "neither delivered nor held by other nodes within " + timeoutSeconds
                    + " s (last status: " + status.name().toLowerCase() + ")", null);
            return 1;
        }
        report(message, status.name().toLowerCase(), null, null);
        return 0;
    }

    private static boolean isSafe(MessageStatus status) {
        return status == MessageStatus.BACKED_UP || status.isDelivered();
    }

    private void report(OutboundMessage message, String outcome, String reason, Duration latency) {
        var out = spec.commandLine().getOut();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", message.id().value());
        fields.put("to", message.recipient().toHex());
        fields.put("outcome", outcome);
        if (latency != null) {
            fields.put("latency_ms", latency.toMillis());
        }
        if (reason != null) {
            fields.put("reason", reason);
        }
        fields.put("timeline", message.timeline().stream().map(c -> Map.of("status",
                c.current().name().toLowerCase(), "at_ms", c.at().toEpochMilli())).toList());
        if (json) {
            org.tomprotocol.cli.output.Json.print(out, fields);
        } else {
            out.println(outcome + (latency != null ? " in " + latency.toMillis() + " ms" : "")
                    + (reason != null ? ": " + reason : "") + " (message " + message.id() + ")");
        }
        out.flush();
    }
}
