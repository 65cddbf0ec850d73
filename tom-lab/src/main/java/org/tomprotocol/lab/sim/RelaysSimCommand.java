package org.tomprotocol.lab.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.testkit.sim.RelayChoiceSimulation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tom sim relays}: relay selection by score on real engines and virtual time (docs/roles.md). */
@Command(name = "relays",
        mixinStandardHelpOptions = true,
        description = {
            "Simulates relay selection by score: senders and recipients that reach each other only through relays; "
                    + "the first relay drops what it carries (acknowledging it) from --drop-from to --drop-until.",
            "Reports, window by window, the messages each relay passed on, and what was delivered. Exits 1 if a "
                    + "message was lost."
        })
public final class RelaysSimCommand implements Callable<Integer> {
    @Mixin
    private SimulationRun run;

    @Option(names = "--relays", defaultValue = "3", description = "Relays (default ${DEFAULT-VALUE}).")
    private int relays;

    @Option(names = "--senders", defaultValue = "4", description = "Senders (default ${DEFAULT-VALUE}).")
    private int senders;

    @Option(names = "--recipients", defaultValue = "4", description = "Recipients (default ${DEFAULT-VALUE}).")
    private int recipients;

    @Option(names = "--rate", defaultValue = "20", description = "Messages a second, all senders (default ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--seconds", defaultValue = "300", description = "Length of the run (default ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--drop-from", defaultValue = "60", description = "When the first relay starts dropping (default ${DEFAULT-VALUE} s).")
    private int dropFrom;

    @Option(names = "--drop-until", defaultValue = "180", description = "When it carries again (default ${DEFAULT-VALUE} s).")
    private int dropUntil;

    @Option(names = "--window", defaultValue = "30", description = "Reporting window (default ${DEFAULT-VALUE} s).")
    private int window;

    @Override
    public Integer call() {
        RelayChoiceSimulation.Settings settings = run.settings(() -> new RelayChoiceSimulation.Settings(relays,
                senders, recipients, rate, seconds, dropFrom, dropUntil, window, run.seed()));
        RelayChoiceSimulation.Result result = RelayChoiceSimulation.run(settings);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("relays", settings.relays());
        report.put("senders", settings.senders());
        report.put("recipients", settings.recipients());
        report.put("rate", settings.messagesPerSecond());
        report.put("seconds", settings.seconds());
        report.put("drop_from_s", settings.dropFrom());
        report.put("drop_until_s", settings.dropUntil());
        report.put("window_s", settings.windowSeconds());
        report.put("seed", settings.seed());
        report.put("sent", result.sent());
        report.put("delivered", result.delivered());
        report.put("failed", result.failed());
        List<List<Integer>> carried = result.carriedPerWindow();
        report.put("carried_by_dropping_relay", carried.get(0));
        for (int i = 1; i < carried.size(); i++) {
            report.put("carried_by_relay_" + i, carried.get(i));
        }
        run.print(report);
        return result.delivered() == result.sent() ? 0 : 1;
    }
}
