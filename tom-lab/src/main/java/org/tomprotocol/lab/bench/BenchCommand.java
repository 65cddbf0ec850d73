package org.tomprotocol.lab.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tom bench}: measurements that compare ToM with a baseline measured in the same run. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that report ToM against a baseline measured in the same run.",
        subcommands = {QuicBenchCommand.class, DiscoveryBenchCommand.class, RelayBenchCommand.class,
                GroupsBenchCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required benchmark, e.g. tom bench quic");
    }
}
