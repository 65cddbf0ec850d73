/**
 * The {@code tom} command line. It compiles against the API only: the engine and every plugin are found at
 * run time through {@link org.tomprotocol.api.Tom} (JPMS service binding on the module path,
 * {@code META-INF/services} on the class path). This is the only module allowed to write to the terminal.
 *
 * <p>It exports two packages for command extensions ({@code tom sim} and {@code tom bench} come from one, the
 * lab, packaged outside the image's runtime modules): {@code org.tomprotocol.cli.extension} (the service and
 * this run's plugins) and {@code org.tomprotocol.cli.output} (tables, JSON and latency samples as every
 * command prints them).
 */
module org.tomprotocol.cli {
    requires org.tomprotocol.api;
    requires info.picocli;
    requires java.logging;
    requires com.fasterxml.jackson.databind;
    // tom node --metrics: the only module that depends on a metrics library (lock 6)
    requires io.prometheus.metrics.model;
    requires io.prometheus.metrics.exporter.httpserver;

    exports org.tomprotocol.cli.extension;
    exports org.tomprotocol.cli.output;

    // picocli injects options and reads annotations reflectively; nothing else is exported.
    opens org.tomprotocol.cli to info.picocli;
    opens org.tomprotocol.cli.plugins to info.picocli;
    opens org.tomprotocol.cli.id to info.picocli;
    opens org.tomprotocol.cli.node to info.picocli;
    opens org.tomprotocol.cli.demo to info.picocli;
    opens org.tomprotocol.cli.chat to info.picocli;
    opens org.tomprotocol.cli.stress to info.picocli;

    uses org.tomprotocol.cli.extension.CommandExtension;
}
