package org.tomprotocol.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.cli.TomCli;

import picocli.CommandLine;

/**
 * {@code tom node} never limps on after an unrecoverable error: a plugin whose discovery runs out of memory on
 * the node's agent thread makes the node publish its failure, and the command stop with exit code 1 and say
 * why — what a supervisor needs to restart it.
 */
class NodeFailureExitTest {
    private static final String PROVIDER = """
            package failing.plugin;

            import java.util.Collection;
            import java.util.Set;
            import org.tomprotocol.api.NodeId;
            import org.tomprotocol.api.PeerAddress;
            import org.tomprotocol.spi.discovery.Discovery;
            import org.tomprotocol.spi.discovery.DiscoveryContext;
            import org.tomprotocol.spi.discovery.DiscoveryProvider;
            import org.tomprotocol.spi.discovery.Validation;

            public final class OutOfMemoryDiscovery implements DiscoveryProvider {
                public String id() { return "out-of-memory"; }
                public int priority() { return 1_000; }
                public Discovery create(DiscoveryContext context) {
                    return new Discovery() {
                        public void start(long now) { throw new OutOfMemoryError("simulated by a test plugin"); }
                        public void join(Collection<PeerAddress> peers, long now) { }
                        public void onFrame(NodeId from, byte[] frame, long now) { }
                        public void onConnected(NodeId peer, long now) { }
                        public void onDisconnected(NodeId peer, long now) { }
                        public void broadcast(byte[] payload, long now) { }
                        public void onValidated(long ticket, Validation verdict, long now) { }
                        public long onTimer(long now) { return Long.MAX_VALUE; }
                        public Set<NodeId> neighbors() { return Set.of(); }
                    };
                }
            }
            """;

    @TempDir
    Path work;

    @AfterEach
    void forgetThePlugin() {
        PluginContext.reset();
    }

    private Path pluginJar() throws IOException, InterruptedException {
        Path plugins = work.resolve("plugins");
        TestPluginJar.build(work, plugins, "failing-plugin.jar", "failing.plugin.OutOfMemoryDiscovery", PROVIDER,
                org.tomprotocol.spi.discovery.DiscoveryProvider.class);
        return plugins;
    }

    @Test
    void aNodeThatHitsAnErrorPrintsTheFailureAndExitsOne() throws Exception {
        Path plugins = pluginJar();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TomCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("--plugins",
                plugins.toString(), "node", "--listen", "127.0.0.1:0", "--json"));

        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(err.toString()).contains("the node failed in agent: java.lang.OutOfMemoryError: simulated by a "
                + "test plugin");
        List<String> events = out.toString().lines().map(line -> line.replaceAll(".*\"event\":\"([a-z_]+)\".*", "$1"))
                .toList();
        assertThat(events).contains("started", "failed").endsWith("stopped");
    }
}
