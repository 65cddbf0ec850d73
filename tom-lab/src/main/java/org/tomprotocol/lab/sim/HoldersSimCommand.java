package org.tomprotocol.lab.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.testkit.sim.HolderChoiceSimulation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tom sim holders}: backup-holder selection by verified holding work (docs/roles.md). */
@Command(name = "holders",
        mixinStandardHelpOptions = true,
        description = {
            "Simulates the choice of backup holders: senders write to recipients that are away, and every message is "
                    + "backed up; the first --forgetful holders confirm their copies and lose them before the "
                    + "recipients return.",
            "Reports, cycle by cycle, the copies given to forgetful and to reliable holders. Exits 1 if a message was "
                    + "not delivered."
        })
public final class HoldersSimCommand implements Callable<Integer> {
    @Mixin
    private SimulationRun run;

    @Option(names = "--holders", defaultValue = "10", description = "Holders (default ${DEFAULT-VALUE}).")
    private int holders;

    @Option(names = "--forgetful", defaultValue = "3", description = "Holders that lose what they confirm (default ${DEFAULT-VALUE}).")
    private int forgetful;

    @Option(names = "--senders", defaultValue = "3", description = "Senders (default ${DEFAULT-VALUE}).")
    private int senders;

    @Option(names = "--recipients", defaultValue = "3", description = "Recipients (default ${DEFAULT-VALUE}).")
    private int recipients;

    @Option(names = "--messages", defaultValue = "30", description = "Messages a cycle, all senders (default ${DEFAULT-VALUE}).")
    private int messages;

    @Option(names = "--cycles", defaultValue = "6", description = "Cycles of 4 minutes: away, sending, back (default ${DEFAULT-VALUE}).")
    private int cycles;

    @Override
    public Integer call() {
        HolderChoiceSimulation.Settings settings = run.settings(() -> new HolderChoiceSimulation.Settings(holders,
                forgetful, senders, recipients, messages, cycles, run.seed()));
        HolderChoiceSimulation.Result result = HolderChoiceSimulation.run(settings);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("holders", settings.holders());
        report.put("forgetful", settings.forgetful());
        report.put("senders", settings.senders());
        report.put("recipients", settings.recipients());
        report.put("messages_per_cycle", settings.messages());
        report.put("cycles", settings.cycles());
        report.put("seed", settings.seed());
        report.put("sent", result.sent());
        report.put("delivered", result.delivered());
        report.put("copies_to_forgetful", result.copiesToForgetful());
        report.put("copies_to_reliable", result.copiesToReliable());
        run.print(report);
        return result.delivered() == result.sent() ? 0 : 1;
    }
}
