package org.tomprotocol.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code tom bench discovery} really starts QUIC nodes with gossip and times both events of every trial. */
class DiscoveryBenchCommandTest {
    @Test
    void reportsTheJoinAndTheDiscoveryOfEveryTrial() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setOut(new PrintWriter(out));

        assertThat(commandLine.execute("discovery", "--trials", "2", "--json")).isZero();

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("trials").asInt()).isEqualTo(2);
        assertThat(report.get("join_p50_ms").asDouble()).isPositive();
        assertThat(report.get("discovery_p50_ms").asDouble()).isPositive()
                .isLessThanOrEqualTo(report.get("discovery_max_ms").asDouble());
        assertThat(report.get("discovery_over_join_p50").asDouble()).isPositive();
    }

    @Test
    void noTrialIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("discovery", "--trials", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--trials");
    }
}
