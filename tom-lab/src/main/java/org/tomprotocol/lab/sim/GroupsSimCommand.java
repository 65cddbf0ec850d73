package org.tomprotocol.lab.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.testkit.sim.GroupSimulation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tom sim groups}: one group of real engines on the in-memory network and virtual time, deterministic for a
 * seed. Exits 1 if a post was lost or shown twice, a removed member got a post sent after its removal, or members
 * followed more than one hub.
 */
@Command(name = "groups",
        mixinStandardHelpOptions = true,
        description = {
            "Simulates one group (docs/groups.md): the first node founds it and is its hub, the others are invited "
                    + "and join in turn (the second is the shadow, the third the candidate); members post from random "
                    + "senders at --rate; at a quarter the founder removes the last member; with --kill-hub-at the "
                    + "hub (and with --kill-shadow the shadow) crashes. Then as many direct 1:1 messages over the "
                    + "same links, as the baseline.",
            "Reports delivery per member, lost posts, duplicates, the time from a post's send to each member's "
                    + "application against a direct message's, hubs followed, and what the removed member got after "
                    + "its removal, the hubs of each epoch and the failover time (crash to the first post the new hub "
                    + "ordered)."
        })
public final class GroupsSimCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulationRun run;

    @Option(names = "--members", defaultValue = "10", description = "Members, the hub included (default ${DEFAULT-VALUE}).")
    private int members;

    @Option(names = "--messages", defaultValue = "200", description = "Posts, and direct messages after (default ${DEFAULT-VALUE}).")
    private int messages;

    @Option(names = "--latency", defaultValue = "50", paramLabel = "MS",
            description = "One-way latency of every link, in ms (default ${DEFAULT-VALUE}).")
    private int latency;

    @Option(names = "--rate", defaultValue = "20", description = "Messages per second, virtual (default ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--kill-hub-at", defaultValue = "-1", paramLabel = "POST",
            description = "Crash the hub just before this post (default: never).")
    private int killHubAt;

    @Option(names = "--kill-shadow", description = "Crash the shadow with the hub (a double failure).")
    private boolean killShadow;

    @Option(names = "--kill-again-at", defaultValue = "-1", paramLabel = "POST",
            description = "Crash the hub that took over just before this post (default: never).")
    private int killAgainAt;

    @Option(names = "--post-copies", defaultValue = "true", arity = "1", paramLabel = "true|false",
            description = "Members send their posts straight to the other members too, the node option "
                    + "groups.post-copies (default ${DEFAULT-VALUE}).")
    private boolean postCopies;

    @Option(names = "--runs", defaultValue = "1",
            description = "Runs, with seeds SEED, SEED+1, …; failover_ms is then given over the runs (default ${DEFAULT-VALUE}).")
    private int runs;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, got " + runs);
        }
        GroupSimulation.Settings settings = run.settings(() -> new GroupSimulation.Settings(members, messages,
                latency, rate, run.seed(), killHubAt, killShadow, killAgainAt, postCopies));
        java.util.List<GroupSimulation.Result> results = new java.util.ArrayList<>();
        for (int repeat = 0; repeat < runs; repeat++) {
            results.add(GroupSimulation.run(new GroupSimulation.Settings(members, messages, latency, rate,
                    run.seed() + repeat, killHubAt, killShadow, killAgainAt, postCopies)));
        }
        GroupSimulation.Result result = results.get(0);
        Map<String, Object> report = report(settings, result);
        if (runs > 1 || killHubAt >= 0) {
            report.put("runs", runs);
            java.util.List<Long> failovers = results.stream().map(GroupSimulation.Result::failoverMillis).sorted()
                    .toList();
            Map<String, Object> failover = new LinkedHashMap<>();
            failover.put("p50", failovers.get((int) Math.ceil(0.5 * failovers.size()) - 1));
            failover.put("p99", failovers.get((int) Math.ceil(0.99 * failovers.size()) - 1));
            report.put("failover_ms", failover);
            report.put("lost_over_runs", results.stream().mapToInt(GroupSimulation.Result::lost).sum());
            report.put("duplicates_over_runs", results.stream().mapToInt(GroupSimulation.Result::duplicatesToApp).sum());
            report.put("hubs_per_epoch_max_over_runs",
                    results.stream().mapToInt(GroupSimulation.Result::hubsPerEpochMax).max().orElse(0));
        }
        run.print(report);
        boolean sound = results.stream().allMatch(outcome -> outcome.lost() == 0 && outcome.duplicatesToApp() == 0
                && outcome.hubsPerEpochMax() == 1 && outcome.messagesReadableByRemovedMember() == 0);
        return sound ? 0 : 1;
    }

    static Map<String, Object> report(GroupSimulation.Settings settings, GroupSimulation.Result result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("members", settings.members());
        report.put("latency_ms", settings.latencyMillis());
        report.put("rate", settings.messagesPerSecond());
        report.put("seed", settings.seed());
        report.put("sent", result.sent());
        Map<String, Object> delivered = new LinkedHashMap<>();
        delivered.put("min", result.deliveredPerMemberMin());
        delivered.put("mean", result.deliveredPerMemberMean());
        report.put("delivered_per_member", delivered);
        report.put("lost", result.lost());
        report.put("duplicates_to_app", result.duplicatesToApp());
        Map<String, Object> fanout = new LinkedHashMap<>();
        fanout.put("p50", result.fanoutP50Millis());
        fanout.put("p99", result.fanoutP99Millis());
        report.put("fanout_ms", fanout);
        Map<String, Object> direct = new LinkedHashMap<>();
        direct.put("p50", result.directP50Millis());
        direct.put("p99", result.directP99Millis());
        report.put("direct_ms", direct);
        report.put("fanout_p50_over_direct_p50", result.directP50Millis() == 0 ? 0
                : Math.round(100.0 * result.fanoutP50Millis() / result.directP50Millis()) / 100.0);
        report.put("hubs_per_epoch_max", result.hubsPerEpochMax());
        report.put("post_copies", settings.postCopies());
        report.put("messages_readable_by_removed_member", result.messagesReadableByRemovedMember());
        report.put("concurrent_posts_read_by_removed_member", result.concurrentPostsReadByRemovedMember());
        report.put("epochs", result.epochs());
        report.put("virtual_ms", result.virtualMillis());
        report.put("wall_ms", result.wallMillis());
        return report;
    }
}
