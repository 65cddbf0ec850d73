package org.tomprotocol.lab.sim;

import java.io.PrintWriter;
import java.util.Map;

import org.tomprotocol.cli.output.Json;
import org.tomprotocol.cli.output.TextTable;

/** How the simulations print their report: one JSON object, or a METRIC / VALUE table. */
final class SimReports {
    private SimReports() {
    }

    static void print(PrintWriter out, boolean json, Map<String, Object> report) {
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
