package org.tomprotocol.lab.report;

import java.io.PrintWriter;
import java.util.Map;

import org.tomprotocol.cli.output.Json;
import org.tomprotocol.cli.output.TextTable;

/**
 * How a report of metrics without sections prints ({@code tom sim}, {@code tom bench discovery}): one JSON object,
 * or a METRIC / VALUE table. Sectioned bench reports print with {@code bench.SectionedReport}.
 */
public final class FlatReport {
    private FlatReport() {
    }

    public static void print(PrintWriter out, boolean json, Map<String, Object> report) {
        if (json) {
            Json.print(out, report);
        } else {
            TextTable table = new TextTable("METRIC", "VALUE");
            report.forEach((key, value) -> table.row(key, String.valueOf(value)));
            table.print(out);
        }
        out.flush();
    }
}
