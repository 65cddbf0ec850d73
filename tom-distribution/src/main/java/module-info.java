/**
 * The {@code tom} command line. It compiles against the API only: the engine and every plugin are found at
 * run time through {@link org.tomprotocol.api.Tom} (JPMS service binding on the module path,
 * {@code META-INF/services} on the class path). This is the only module allowed to write to the terminal.
 */
module org.tomprotocol.cli {
    requires org.tomprotocol.api;
    requires info.picocli;
    requires java.logging;
    requires com.fasterxml.jackson.databind;
    requires org.tomprotocol.testkit;
    // tom node --metrics: the only module that depends on a metrics library (lock 6)
    requires io.prometheus.metrics.model;
    requires io.prometheus.metrics.exporter.httpserver;

    // picocli injects options and reads annotations reflectively; nothing is exported.
    opens org.tomprotocol.cli to info.picocli;
    opens org.tomprotocol.cli.plugins to info.picocli;
    opens org.tomprotocol.cli.sim to info.picocli;
    opens org.tomprotocol.cli.id to info.picocli;
    opens org.tomprotocol.cli.node to info.picocli;
    opens org.tomprotocol.cli.bench to info.picocli;
    opens org.tomprotocol.cli.demo to info.picocli;
    opens org.tomprotocol.cli.chat to info.picocli;
    opens org.tomprotocol.cli.stress to info.picocli;

    // tom bench measures the crypto suite and the QUIC transport alone, beside whole nodes
    uses org.tomprotocol.spi.crypto.CryptoSuiteProvider;
    uses org.tomprotocol.spi.transport.TransportProvider;
}
