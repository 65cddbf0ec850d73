package org.tomprotocol.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.tomprotocol.cli.TomCli;

import picocli.CommandLine;

/** {@code --metrics HOST:PORT}: what is accepted, and a bad value is a usage error naming the option. */
class MetricsAddressTest {
    @Test
    void hostsAndPortsAreParsedIncludingBracketedIpv6AndPortZero() {
        assertThat(MetricsAddress.parse("127.0.0.1:9400")).isEqualTo(new MetricsAddress("127.0.0.1", 9400));
        assertThat(MetricsAddress.parse("0.0.0.0:0")).isEqualTo(new MetricsAddress("0.0.0.0", 0));
        assertThat(MetricsAddress.parse("localhost:9400")).isEqualTo(new MetricsAddress("localhost", 9400));
        assertThat(MetricsAddress.parse("[::1]:9400")).isEqualTo(new MetricsAddress("::1", 9400));
    }

    @Test
    void malformedAddressesSayWhatIsExpected() {
        assertThatThrownBy(() -> MetricsAddress.parse("9400")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> MetricsAddress.parse("127.0.0.1:")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> MetricsAddress.parse("127.0.0.1:http")).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> MetricsAddress.parse("127.0.0.1:70000")).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> MetricsAddress.parse("::1:9400")).hasMessageContaining("brackets");
    }

    @Test
    void aBadMetricsValueIsAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = TomCli.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("node", "--listen", "127.0.0.1:0", "--metrics", "localhost");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--metrics", "'localhost' is not HOST:PORT");
    }
}
