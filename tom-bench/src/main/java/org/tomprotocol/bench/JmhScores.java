package org.tomprotocol.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The results of one JMH run, by benchmark method name (with {@code @payloadBytes} appended for sized
 * benchmarks, and {@code /compact} for those run in the compact wire profile), read as median and fastest sample: on shared cores a preempted operation makes the mean swing
 * by more than the effects the reports measure, while medians repeat within a few percent.
 */
final class JmhScores {
    /** JMH options when the command line gives none. */
    static final String[] DEFAULT_ARGS = {"-f", "1", "-wi", "3", "-i", "5", "-w", "1s", "-r", "1s"};

    private final Map<String, Result<?>> scores = new HashMap<>();

    private JmhScores() {
    }

    /** Runs the benchmarks matching {@code include} with the JMH options in {@code args}. */
    static JmhScores run(String include, String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions command = new CommandLineOptions(args.length == 0 ? DEFAULT_ARGS : args);
        JmhScores scores = new JmhScores();
        for (RunResult result : new Runner(new OptionsBuilder().parent(command).include(include).build()).run()) {
            String method = result.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String size = result.getParams().getParam("payloadBytes");
            String profile = result.getParams().getParam("profile");
            String name = (size == null ? method : method + "@" + size)
                    + (profile == null || profile.equals("reference") ? "" : "/" + profile);
            scores.scores.put(name, result.getPrimaryResult());
        }
        return scores;
    }

    boolean has(String name) {
        return scores.containsKey(name);
    }

    Set<String> names() {
        return scores.keySet();
    }

    double median(String name) {
        return scores.get(name).getStatistics().getPercentile(50);
    }

    double fastest(String name) {
        return scores.get(name).getStatistics().getMin();
    }
}
