package org.tomprotocol.lab.bench;

import static org.tomprotocol.lab.bench.SectionedReport.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.cli.extension.CommandLinePlugins;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tom bench groups}: hub failover over real QUIC. A group of nodes on loopback in this process; members post
 * at a steady rate; the hub is closed mid-stream, then the hub that took over. Reports each failover's time (close
 * to the first post the next hub ordered), posts lost and shown twice. Exits 1 if a post was lost or shown twice.
 */
@Command(name = "groups",
        mixinStandardHelpOptions = true,
        description = "Group hub failover over QUIC on loopback: close the hub mid-stream, then the next one.")
public final class GroupsBenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--members", defaultValue = "10", description = "Nodes in the group (default ${DEFAULT-VALUE}).")
    private int members;

    @Option(names = "--posts", defaultValue = "300", description = "Posts in the stream (default ${DEFAULT-VALUE}).")
    private int posts;

    @Option(names = "--rate", defaultValue = "50", description = "Posts per second (default ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--kill-hub-at", defaultValue = "100", paramLabel = "POST",
            description = "Close the hub just before this post (default ${DEFAULT-VALUE}).")
    private int killHubAt;

    @Option(names = "--kill-again-at", defaultValue = "200", paramLabel = "POST",
            description = "Close the hub that took over just before this post; -1 for never (default ${DEFAULT-VALUE}).")
    private int killAgainAt;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the senders' order (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        SectionedReport output = new SectionedReport(spec, json);
        if (members < 4 || members > 50) {
            throw new ParameterException(spec.commandLine(), "--members is " + members + ": use 4 to 50");
        }
        if (killHubAt < 0 || killHubAt >= posts || killAgainAt >= posts || (killAgainAt >= 0 && killAgainAt <= killHubAt)) {
            throw new ParameterException(spec.commandLine(), "--kill-hub-at and --kill-again-at must be posts in "
                    + "order below --posts (" + posts + ")");
        }
        if (rate < 1) {
            throw new ParameterException(spec.commandLine(), "--rate is " + rate + ": use at least 1");
        }
        PluginSource plugins = CommandLinePlugins.source(spec.commandLine().getErr());
        List<Integer> kills = new ArrayList<>(List.of(killHubAt));
        if (killAgainAt >= 0) {
            kills.add(killAgainAt);
        }
        output.progress("starting " + members + " nodes");
        GroupFailoverRun.Result result;
        try (GroupFailoverRun run = new GroupFailoverRun(plugins, members)) {
            output.progress("forming the group and posting");
            result = run.run(posts, rate, kills, seed);
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("members", members);
        group.put("posts", result.sent());
        group.put("rate", rate);
        List<Object> failovers = new ArrayList<>();
        for (GroupFailoverRun.Failover failover : result.failovers()) {
            failovers.add(round(failover.millis()));
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("lost", result.lost());
        outcome.put("lost_with_their_closed_sender", result.lostWithSender());
        outcome.put("duplicates_to_app", result.duplicates());
        outcome.put("failover_ms", failovers);
        outcome.put("hubs_per_epoch_max", result.hubsPerEpochMax());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("group", group);
        report.put("result", outcome);
        output.print(report);
        return result.lost() == 0 && result.duplicates() == 0 ? 0 : 1;
    }
}
