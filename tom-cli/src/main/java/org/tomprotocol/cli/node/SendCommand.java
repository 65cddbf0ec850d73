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
 * {@code tom send}: joins a running network with a short-lived node, sends one message and, with
 * {@code --wait-delivered}, exits 0 only once the final recipient acknowledged it.
 */
@Command(name = "send",
        mixinStandardHelpOptions = true,
        description = "Sends one end-to-end encrypted message through a running network. Exit 0: delivered "
                + "(with --wait-delivered) or handed to the network; 1: not delivered, with the reason; 2: usage error.")
public final class SendCommand implements Callable<Integer> {
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
            return waitDelivered ? awaitDelivery(message, deadline) : awaitHandOff(message, deadline);
        }
    }

    private int awaitDelivery(OutboundMessage message, long deadline) throws InterruptedException {
        CompletableFuture<DeliveryReceipt> delivered = message.delivered().toCompletableFuture();
        try {
            DeliveryReceipt receipt = delivered.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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

    private int awaitHandOff(OutboundMessage message, long deadline) throws InterruptedException {
        while (message.status() == MessageStatus.PENDING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (message.status() == MessageStatus.PENDING || message.status() == MessageStatus.FAILED) {
            report(message, "failed", "the message could not be handed to the network", null);
            return 1;
        }
        report(message, message.status().name().toLowerCase(), null, null);
        return 0;
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
