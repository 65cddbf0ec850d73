package org.tomprotocol.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code tom bench groups} closes the hub, then the hub that took over, over real QUIC, and reports both failovers. */
class GroupsBenchCommandTest {
    @Test
    void aGroupOverQuicSurvivesTwoHubsClosedInARowWithNothingLostAndPrintsATable() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("groups", "--members", "5", "--posts", "90", "--rate", "30",
                "--kill-hub-at", "20", "--kill-again-at", "55", "--seed", "2");

        assertThat(exit).as("%s%s", out, err).isZero();
        assertThat(out.toString()).contains("result").contains("lost").contains("failover_ms");
    }

    @Test
    void theJsonReportGivesEachFailoverAndTheLosses() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setOut(new PrintWriter(out));

        assertThat(commandLine.execute("groups", "--members", "4", "--posts", "40", "--rate", "30",
                "--kill-hub-at", "10", "--kill-again-at", "-1", "--json")).isZero();

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.at("/group/posts").asInt()).isEqualTo(40);
        assertThat(report.at("/result/lost").asInt()).isZero();
        assertThat(report.at("/result/duplicates_to_app").asInt()).isZero();
        assertThat(report.at("/result/hubs_per_epoch_max").asInt()).isEqualTo(1);
        JsonNode failovers = report.at("/result/failover_ms");
        assertThat(failovers.size()).isEqualTo(1);
        // the shadow claims after 1.5 s of silence: a failover is never shorter, and the bound of issue 16 is 3 s
        assertThat(failovers.get(0).asDouble()).isBetween(1_000.0, 10_000.0);
    }

    @Test
    void aSecondKillBeforeTheFirstIsAUsageErrorNamingBothOptions() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("groups", "--kill-hub-at", "50", "--kill-again-at", "20")).isEqualTo(2);
        assertThat(err.toString()).contains("--kill-hub-at").contains("--kill-again-at");
    }
}
