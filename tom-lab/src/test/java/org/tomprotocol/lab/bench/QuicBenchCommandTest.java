package org.tomprotocol.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.cli.extension.CommandLinePlugins;

import picocli.CommandLine;

/**
 * {@code tom bench quic} measures the wire profile it is asked for: its two QUIC nodes (with the gossip discovery
 * that carries their announces) write the compact profile by default, and only the reference one when told.
 */
class QuicBenchCommandTest {
    @Test
    void twoQuicNodesWriteTheCompactProfileOnceTheyKnowEachOtherAndTheReferenceOneWhenTold() throws Exception {
        PluginSource plugins = CommandLinePlugins.source(new PrintWriter(new StringWriter()));
        try (TomOverQuic compact = new TomOverQuic(plugins, true)) {
            // the first messages may leave before the nodes' announces arrive: those are in the reference profile
            for (int i = 0; i < 500 && compact.transmissions("compact") == 0; i++) {
                compact.roundTrips(1, 1024);
            }
            long referenceBefore = compact.transmissions("reference");
            long compactBefore = compact.transmissions("compact");
            assertThat(compactBefore).as("the announces travelled").isPositive();

            compact.roundTrips(20, 1024);

            assertThat(compact.transmissions("compact")).isEqualTo(compactBefore + 20);
            assertThat(compact.transmissions("reference")).isEqualTo(referenceBefore);
        }
        try (TomOverQuic reference = new TomOverQuic(plugins, false)) {
            reference.roundTrips(20, 1024);
            assertThat(reference.transmissions("compact")).isZero();
            assertThat(reference.transmissions("reference")).isGreaterThanOrEqualTo(21);
        }
    }

    @Test
    void anUnknownWireProfileIsAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("quic", "--wire-profile", "tiny")).isEqualTo(2);
        assertThat(err.toString()).contains("--wire-profile").contains("tiny");
    }
}
