package org.tomprotocol.cli.demo;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.SendOptions;
import org.tomprotocol.api.StatusChange;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.output.Json;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tom demo}: the newcomer's tour. Starts real QUIC nodes on loopback, each knowing only one other,
 * waits until discovery has introduced everyone, sends end-to-end encrypted messages directly and through
 * chosen relays, has the recipients mark them read, and shows every message's path and status timeline.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs a small ToM network in this process (real QUIC on loopback) and shows discovery, "
                + "direct and relayed encrypted messages, acknowledgements and read receipts, then a group whose "
                + "hub is closed and the failover time. Exit 0 only if every message and post was delivered.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "5", description = "Number of nodes, at least 4 (default ${DEFAULT-VALUE}).")
    private int nodeCount;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Give up waiting for discovery or deliveries after this long (default ${DEFAULT-VALUE} s).")
    private int timeoutSeconds;

    @Option(names = "--json", description = "Print the whole run as one JSON object.")
    private boolean json;

    private record Sent(String kind, int from, int to, OutboundMessage message) {
    }

    /** The kind of the message sent to a node before it starts; its latency includes that wait. */
    static final String LATE_KIND = "to a later node";
    private static final long LATE_START_MILLIS = 1_000;

    @Override
    public Integer call() throws InterruptedException {
        if (nodeCount < 4) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--nodes must be at least 4, got " + nodeCount);
        }
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try (DemoNetwork network = new DemoNetwork()) {
            progress("starting " + nodeCount + " nodes, each bootstrapping from the previous one");
            network.start(nodeCount, err);
            progress("waiting for discovery");
            boolean discovered = await(network::everyoneKnowsEveryone);
            long discoveryMillis = (System.nanoTime() - started) / 1_000_000;
            List<Sent> sent = discovered ? new ArrayList<>(send(network)) : List.of();
            if (discovered) {
                sent.add(sendToALateNode(network, err));
                progress("sending " + sent.size() + " messages and waiting for acknowledgements and read receipts");
                await(() -> sent.stream().allMatch(s -> finished(s.message())));
            }
            Map<String, Object> group = Map.of("ok", false, "problem", "discovery did not complete");
            if (discovered) {
                progress("forming a group with its own hub, then closing the hub");
                group = runGroup(network);
            }
            DemoReport report = new DemoReport(network, discovered, discoveryMillis, sent.stream()
                    .map(s -> new DemoReport.Line(s.kind(), s.from(), s.to(), s.message())).toList(), group);
            print(report);
            return report.allDelivered() && report.groupOk() ? 0 : 1;
        }
    }

    private Map<String, Object> runGroup(DemoNetwork network) throws InterruptedException {
        try {
            return new DemoGroup(network, timeoutSeconds).run();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("ok", false);
            failed.put("problem", String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return failed;
        }
    }

    private List<Sent> send(DemoNetwork network) {
        List<Sent> sent = new ArrayList<>();
        int n = nodeCount;
        for (int i = 0; i < n; i++) {
            int to = (i + 2) % n;
            sent.add(new Sent("auto", i, to, network.node(i).send(network.node(to).id(), text(network, i, to))));
        }
        for (int i = 0; i < n; i++) {
            int to = (i + 1) % n;
            int relay = (i + 3) % n;
            sent.add(new Sent("via 1 relay", i, to, network.node(i).send(network.node(to).id(), text(network, i, to),
                    SendOptions.viaRelays(network.node(relay).id()))));
        }
        List<NodeId> twoRelays = List.of(network.node(1).id(), network.node(2).id());
        sent.add(new Sent("via 2 relays", 0, n - 1, network.node(0).send(network.node(n - 1).id(),
                text(network, 0, n - 1), SendOptions.viaRelays(twoRelays))));
        return sent;
    }

    /**
     * Sends a message to a node that does not run yet, then starts it: the sender keeps the message alive and
     * sends it as soon as the newcomer shows up.
     */
    private Sent sendToALateNode(DemoNetwork network, PrintWriter warnings) throws InterruptedException {
        int late = nodeCount;
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("tom-demo-late-node");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a temporary directory for the late node", e);
        }
        NodeId lateId = Tom.identity(dataDir).id();
        OutboundMessage message = network.node(0).send(lateId, text(network, 0, late));
        progress(DemoNetwork.name(late) + " is not running yet: it starts " + LATE_START_MILLIS + " ms after "
                + DemoNetwork.name(0) + " sent it a message");
        Thread.sleep(LATE_START_MILLIS);
        network.startLate(dataDir, warnings);
        return new Sent(LATE_KIND, 0, late, message);
    }

    private static byte[] text(DemoNetwork network, int from, int to) {
        return ("hello from " + DemoNetwork.name(from) + " to " + DemoNetwork.name(to)).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean finished(OutboundMessage message) {
        return message.status() == MessageStatus.READ || message.status() == MessageStatus.FAILED;
    }

    private boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void progress(String step) {
        if (!json) {
            spec.commandLine().getErr().println("… " + step);
            spec.commandLine().getErr().flush();
        }
    }

    private void print(DemoReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, report.toMap());
        } else {
            report.printText(out);
        }
        out.flush();
    }

    static List<Map<String, Object>> timeline(OutboundMessage message) {
        List<Map<String, Object>> steps = new ArrayList<>();
        long start = message.timeline().get(0).at().toEpochMilli();
        for (StatusChange change : message.timeline()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("status", change.current().name().toLowerCase());
            step.put("ms", change.at().toEpochMilli() - start);
            steps.add(step);
        }
        return steps;
    }

    static String shortName(TomNode node) {
        return node.id().shortForm();
    }
}
