/**
 * The lab of the {@code tom} command: {@code tom sim} (real engines, and the discovery overlay, on the test
 * kit's in-memory network with virtual time) and {@code tom bench} (ToM against a baseline measured in the
 * same run). It reaches below the API (the test kit, bare crypto suites and transports), which the command
 * line itself never does, so it is packaged apart: the image's {@code lab/} directory, loaded as a command
 * extension. Without it, {@code tom} is the same minus these two commands.
 */
module org.tomprotocol.lab {
    requires org.tomprotocol.cli;
    requires org.tomprotocol.api;
    requires org.tomprotocol.testkit;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    opens org.tomprotocol.lab.sim to info.picocli;
    opens org.tomprotocol.lab.bench to info.picocli;

    provides org.tomprotocol.cli.extension.CommandExtension with org.tomprotocol.lab.LabCommands;

    // tom bench measures the crypto suite and the QUIC transport alone, beside whole nodes
    uses org.tomprotocol.spi.crypto.CryptoSuiteProvider;
    uses org.tomprotocol.spi.transport.TransportProvider;
}
