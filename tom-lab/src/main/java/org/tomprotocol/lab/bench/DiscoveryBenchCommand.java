package org.tomprotocol.lab.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.output.Samples;
import org.tomprotocol.cli.extension.CommandLinePlugins;
import org.tomprotocol.lab.report.FlatReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tom bench discovery}: how long two nodes that share one peer take to know each other, over real QUIC
 * on loopback with the discovery on the module path. Per trial: carol starts, alice joins through carol; then
 * bob starts with carol as his only bootstrap peer, and from that instant the run times (a) bob and carol
 * knowing each other, the join itself and the baseline, and (b) alice and bob knowing each other.
 */
@Command(name = "discovery",
        mixinStandardHelpOptions = true,
        description = "Time for two QUIC nodes that share one peer to discover each other, against the time to "
                + "join that peer, measured in the same run.")
public final class DiscoveryBenchCommand implements Callable<Integer> {
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--trials", defaultValue = "20", description = "Fresh three-node trials (default ${DEFAULT-VALUE}).")
    private int trials;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    private boolean json;

    @Override
    public Integer call() {
        if (trials < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--trials must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        trial(err);
        Samples join = new Samples(trials);
        Samples discovery = new Samples(trials);
        for (int i = 0; i < trials; i++) {
            long[] times = trial(err);
            join.add(times[0]);
            discovery.add(times[1]);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("trials", trials);
        report.put("join_p50_ms", millis(join.percentileMicros(0.5)));
        report.put("join_max_ms", millis(join.percentileMicros(1)));
        report.put("discovery_p50_ms", millis(discovery.percentileMicros(0.5)));
        report.put("discovery_p90_ms", millis(discovery.percentileMicros(0.9)));
        report.put("discovery_max_ms", millis(discovery.percentileMicros(1)));
        report.put("discovery_over_join_p50", Math.round(discovery.percentileMicros(0.5)
                / join.percentileMicros(0.5) * 100) / 100.0);
        report.put("discovery_target_ms", "<= 1000");
        FlatReport.print(spec.commandLine().getOut(), json, report);
        return 0;
    }

    /** One trial: nanoseconds from bob's start to (join done, alice and bob discovered each other). */
    private long[] trial(PrintWriter warnings) {
        List<TomNode> nodes = new ArrayList<>();
        try {
            TomNode carol = start("carol", null, warnings, nodes);
            TomNode alice = start("alice", carol, warnings, nodes);
            await(() -> knows(carol, alice.id()) && knows(alice, carol.id()), "alice joining carol");
            long started = System.nanoTime();
            TomNode bob = start("bob", carol, warnings, nodes);
            long joined = 0;
            long discovered = 0;
            long deadline = started + GIVE_UP.toNanos();
            while (joined == 0 || discovered == 0) {
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new IllegalStateException("bob did not discover alice within " + GIVE_UP
                            + ": is the gossip discovery on the module path?");
                }
                if (joined == 0 && knows(bob, carol.id()) && knows(carol, bob.id())) {
                    joined = now - started;
                }
                if (discovered == 0 && knows(bob, alice.id()) && knows(alice, bob.id())) {
                    discovered = now - started;
                }
                LockSupport.parkNanos(200_000);
            }
            return new long[] {joined, discovered};
        } finally {
            nodes.forEach(TomNode::close);
        }
    }

    private static TomNode start(String name, TomNode bootstrap, PrintWriter warnings, List<TomNode> nodes) {
        var builder = Tom.node().plugins(CommandLinePlugins.source(warnings)).transports("quic").listen("127.0.0.1:0")
                .option("node.name", name);
        if (bootstrap != null) {
            builder.bootstrap(PeerAddress.of(bootstrap.id(), bootstrap.addresses().stream()
                    .filter(a -> a.address().startsWith("127.0.0.1:")).findFirst().orElseThrow()));
        }
        TomNode node = builder.start();
        nodes.add(node);
        return node;
    }

    private static boolean knows(TomNode node, NodeId peer) {
        return node.peers().stream().anyMatch(p -> p.id().equals(peer));
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out: " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static double millis(double micros) {
        return Math.round(micros / 10) / 100.0;
    }
}
