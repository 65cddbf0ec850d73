package org.tomprotocol.cli.node;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.NodeFailure;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.cli.extension.Subscriptions;
import org.tomprotocol.cli.metrics.MetricsAddress;
import org.tomprotocol.cli.metrics.MetricsEndpoint;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tom node}: runs a node until interrupted, printing what happens to it. */
@Command(name = "node",
        mixinStandardHelpOptions = true,
        description = "Runs a ToM node until interrupted (Ctrl-C): it relays for others, receives messages and "
                + "prints its events — started (node id, addresses), addresses (when peers report how they see "
                + "it), peer up/down, path changes, messages received; with --send-to it also sends messages "
                + "periodically and prints each outcome and a summary.")
public final class NodeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Option(names = "--json", description = "One JSON object per line per event.")
    private boolean json;

    @Mixin
    private SendLoopOptions sending;

    @Option(names = "--metrics", paramLabel = "HOST:PORT",
            description = "Serve the node's metrics for Prometheus on http://HOST:PORT/metrics, e.g. "
                    + "127.0.0.1:9400 (port 0: any free port; off by default). Prints a 'metrics' line with the URL.")
    private MetricsAddress metrics;

    @Override
    public Integer call() throws InterruptedException {
        if (sending.enabled()) {
            sending.validate(spec.commandLine());
        }
        EventLines lines = new EventLines(spec.commandLine().getOut(), json);
        TomNode node = options.builder(spec.commandLine().getErr()).start();
        MetricsEndpoint endpoint;
        try {
            endpoint = metrics == null ? null : MetricsEndpoint.start(node, metrics);
        } catch (UncheckedIOException e) {
            node.close();
            throw new ConfigurationException("--metrics " + metrics.host() + ":" + metrics.port() + " cannot be "
                    + "served: " + e.getCause().getMessage() + " (is the port in use, or the host not local?)", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdownHook = new Thread(() -> {
            if (endpoint != null) {
                endpoint.close();
            }
            node.close();
            lines.emit("stopped", Map.of("node_id", node.id().toHex()));
            stopped.countDown();
        }, "tom-node-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        SendLoop sendLoop = sending.enabled() ? new SendLoop(node, lines, sending) : null;
        Subscriptions.listen(node.events(), event -> {
            lines.nodeEvent(event);
            if (event instanceof NodeFailure) {
                stopped.countDown();
            }
            if (sendLoop != null) {
                sendLoop.pathChanged(event);
            }
        });
        if (node.failure().isPresent()) {
            // it failed before the subscription above: its event is gone, its failure is not
            lines.nodeEvent(node.failure().get());
            stopped.countDown();
        }
        node.onMessage(lines::message);
        lines.started(node);
        if (endpoint != null) {
            lines.emit("metrics", Map.of("url", endpoint.url()));
        }
        AddressWatch.start(node, lines);
        StandingWatch.start(node, lines);
        if (sendLoop != null) {
            sendLoop.start();
        }
        stopped.await();
        Optional<NodeFailure> failure = node.failure();
        if (failure.isEmpty()) {
            return 0;
        }
        // a node that hit an unrecoverable error must not limp on: stop it and exit non-zero for the supervisor
        spec.commandLine().getErr().println("tom node: the node failed in " + failure.get().component() + ": "
                + failure.get().reason() + "; stopping");
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
        if (endpoint != null) {
            endpoint.close();
        }
        node.close();
        lines.emit("stopped", Map.of("node_id", node.id().toHex()));
        return 1;
    }
}
