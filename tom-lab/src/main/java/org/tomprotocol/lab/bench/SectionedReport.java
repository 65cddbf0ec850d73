package org.tomprotocol.lab.bench;

import java.io.PrintWriter;
import java.util.Map;

import org.tomprotocol.cli.output.Json;
import org.tomprotocol.cli.output.TextTable;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The output of the bench commands whose report has sections of metrics: progress lines on stderr (not with
 * {@code --json}), then the report as one JSON object or as a SECTION / METRIC / VALUE table.
 */
final class SectionedReport {
    private final CommandSpec spec;
    private final boolean json;

    SectionedReport(CommandSpec spec, boolean json) {
        this.spec = spec;
        this.json = json;
    }

    void progress(String step) {
        if (!json) {
            spec.commandLine().getErr().println("… " + step);
            spec.commandLine().getErr().flush();
        }
    }

    /** @param report section name → (metric → value) */
    void print(Map<String, Object> report) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, report);
        } else {
            TextTable table = new TextTable("SECTION", "METRIC", "VALUE");
            report.forEach((section, values) -> ((Map<?, ?>) values).forEach((metric, value) ->
                    table.row(section, String.valueOf(metric), String.valueOf(value))));
            table.print(out);
        }
        out.flush();
    }

    /** {@code value} to two decimals, as the reports show figures. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
