package org.tomprotocol.lab.sim;

import java.util.Map;
import java.util.function.Supplier;

import org.tomprotocol.lab.report.FlatReport;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every {@code tom sim} command shares, mixed into each: the seed of its random choices, the form of its report,
 * and how it turns settings a simulation refuses into a usage error that names the bad value.
 */
final class SimulationRun {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    private boolean json;

    long seed() {
        return seed;
    }

    boolean json() {
        return json;
    }

    /**
     * The settings {@code build} makes; the simulations check their settings and say which one is wrong, so a
     * refusal becomes picocli's usage error (exit 2) with that message.
     */
    <T> T settings(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /** Prints {@code report} on the command's output: one JSON object with {@code --json}, else one line a key. */
    void print(Map<String, Object> report) {
        FlatReport.print(command.commandLine().getOut(), json, report);
    }
}
