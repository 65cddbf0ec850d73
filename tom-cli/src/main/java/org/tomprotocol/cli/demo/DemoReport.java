package org.tomprotocol.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.tomprotocol.api.DeliveryReceipt;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.cli.output.Samples;
import org.tomprotocol.cli.output.TextTable;

/** What {@code tom demo} shows: nodes, discovery time, each message's path and timeline, and a summary. */
final class DemoReport {
    record Line(String kind, int from, int to, OutboundMessage message) {
    }

    private final DemoNetwork network;
    private final boolean discovered;
    private final long discoveryMillis;
    private final List<Line> lines;
    private final Map<String, Object> group;

    DemoReport(DemoNetwork network, boolean discovered, long discoveryMillis, List<Line> lines,
               Map<String, Object> group) {
        this.network = network;
        this.discovered = discovered;
        this.discoveryMillis = discoveryMillis;
        this.lines = lines;
        this.group = group;
    }

    /** Whether the group phase delivered every post, across the hub's death. */
    boolean groupOk() {
        return Boolean.TRUE.equals(group.get("ok"));
    }

    boolean allDelivered() {
        return discovered && !lines.isEmpty() && lines.stream().allMatch(l -> l.message().status().isDelivered());
    }

    /** Delivered messages' latencies, in whole milliseconds as the report shows them. */
    private Samples latencies() {
        Samples latencies = new Samples(lines.size());
        for (Line line : lines) {
            if (line.kind().equals(DemoCommand.LATE_KIND)) {
                continue; // its wait for the node to start is not a delivery time
            }
            CompletableFuture<DeliveryReceipt> delivered = line.message().delivered().toCompletableFuture();
            if (delivered.isDone() && !delivered.isCompletedExceptionally()) {
                latencies.add(TimeUnit.MILLISECONDS.toNanos(delivered.join().latency().toMillis()));
            }
        }
        return latencies;
    }

    private static long millis(Samples samples, double quantile) {
        return Math.round(samples.percentileMicros(quantile) / 1_000);
    }

    private String path(Line line) {
        List<String> hops = new ArrayList<>();
        hops.add(DemoNetwork.name(line.from()));
        line.message().path().forEach(relay -> hops.add(network.nameOf(relay)));
        hops.add(DemoNetwork.name(line.to()));
        return String.join(" → ", hops);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < network.nodes().size(); i++) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", DemoNetwork.name(i));
            node.put("node_id", network.node(i).id().toHex());
            node.put("addresses", network.node(i).addresses().stream().map(Object::toString).toList());
            nodes.add(node);
        }
        map.put("nodes", nodes);
        map.put("discovered", discovered);
        map.put("discovery_ms", discoveryMillis);
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Line line : lines) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", line.message().id().value());
            message.put("kind", line.kind());
            message.put("from", DemoNetwork.name(line.from()));
            message.put("to", DemoNetwork.name(line.to()));
            message.put("path", path(line));
            message.put("status", line.message().status().name().toLowerCase());
            InboundMessage received = network.received(line.message().id());
            message.put("relay_hops_seen_by_recipient", received == null ? null : received.relayHops());
            message.put("timeline", DemoCommand.timeline(line.message()));
            messages.add(message);
        }
        map.put("messages", messages);
        map.put("group", group);
        map.put("summary", summary());
        return map;
    }

    private Map<String, Object> summary() {
        Samples latencies = latencies();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("messages", lines.size());
        summary.put("delivered", lines.stream().filter(l -> l.message().status().isDelivered()).count());
        summary.put("read", lines.stream().filter(l -> l.message().status() == MessageStatus.READ).count());
        summary.put("failed", lines.stream().filter(l -> l.message().status() == MessageStatus.FAILED).count());
        summary.put("delivered_latency_p50_ms", millis(latencies, 0.50));
        summary.put("delivered_latency_p99_ms", millis(latencies, 0.99));
        summary.put("discovery_ms", discoveryMillis);
        summary.put("all_delivered", allDelivered());
        summary.put("group_failover_ms", group.getOrDefault("failover_ms", "—"));
        summary.put("group_ok", groupOk());
        return summary;
    }

    void printText(PrintWriter out) {
        out.println("Nodes:");
        for (int i = 0; i < network.nodes().size(); i++) {
            out.println("  " + DemoNetwork.name(i) + "  " + network.node(i).id().toHex());
        }
        out.println(discovered ? "Discovery: every node knew every other after " + discoveryMillis + " ms"
                : "Discovery did not complete in time");
        out.println();
        for (Line line : lines) {
            String timeline = DemoCommand.timeline(line.message()).stream()
                    .map(step -> step.get("status") + " " + step.get("ms") + "ms").collect(Collectors.joining(" → "));
            out.println(path(line) + "   [" + line.kind() + "]");
            out.println("    " + timeline);
        }
        out.println();
        out.println("Group: a hub founds a group of every node, each posts, then the hub is closed and "
                + DemoNetwork.name(1) + " posts again:");
        group.forEach((key, value) -> out.println("  " + key + ": " + value));
        out.println();
        TextTable table = new TextTable("SUMMARY", "VALUE");
        summary().forEach((key, value) -> table.row(key, String.valueOf(value)));
        table.print(out);
    }
}
