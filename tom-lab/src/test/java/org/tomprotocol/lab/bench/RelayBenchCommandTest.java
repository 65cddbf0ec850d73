package org.tomprotocol.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code tom bench relay} really sends the relayed phase through the relay, and the direct one around it. */
class RelayBenchCommandTest {
    @Test
    void theRelayedPhaseGoesThroughTheRelayAndTheDirectOneDoesNot() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setOut(new PrintWriter(out));

        assertThat(commandLine.execute("relay", "--senders", "2", "--messages", "20", "--window", "4", "--json"))
                .isZero();

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.at("/direct/delivered").asInt()).isEqualTo(40);
        assertThat(report.at("/relayed/delivered").asInt()).isEqualTo(40);
        assertThat(report.at("/direct/relay_forwarded").asLong()).isZero();
        // each relayed message, and its acknowledgement on the way back
        assertThat(report.at("/relayed/relay_forwarded").asLong()).isGreaterThanOrEqualTo(80);
        assertThat(report.at("/relayed/p99_us").asDouble())
                .isGreaterThanOrEqualTo(report.at("/relayed/p50_us").asDouble()).isPositive();
        assertThat(report.at("/ratios/throughput_relayed_over_direct").asDouble()).isPositive();
    }

    @Test
    void noSenderIsAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("relay", "--senders", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--senders");
    }
}
