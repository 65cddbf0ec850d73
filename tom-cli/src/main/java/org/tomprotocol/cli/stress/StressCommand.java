package org.tomprotocol.cli.stress;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tom stress}: field-test modes in the spirit of Gen-2's tom-stress, with honest timing — every round
 * trip is measured from {@code send} to the recipient's acknowledgement. JSON lines per event, then a summary.
 */
@Command(name = "stress",
        mixinStandardHelpOptions = true,
        description = "Stress modes against a running node (e.g. one started with `tom node`): ping, burst, "
                + "ladder, fanout; and flood, which runs its own relay (lock 5). One JSON object per line per event, then a summary line. Round-trip times are "
                + "measured from send to the recipient's acknowledgement.",
        subcommands = {PingMode.class, BurstMode.class, LadderMode.class, FanoutMode.class, FloodMode.class,
                FlooderMode.class})
public final class StressCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required mode: ping, burst, ladder, fanout or flood");
    }
}
