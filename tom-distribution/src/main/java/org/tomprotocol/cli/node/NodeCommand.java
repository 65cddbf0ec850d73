package org.tomprotocol.cli.node;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.tomprotocol.api.TomNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tom node}: runs a node until interrupted, printing what happens to it. */
@Command(name = "node",
        mixinStandardHelpOptions = true,
        description = "Runs a ToM node until interrupted (Ctrl-C): it relays for others, receives messages and "
                + "prints its events — started (node id, addresses), peer up/down, messages received.")
public final class NodeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NodeOptions options;

    @Option(names = "--json", description = "One JSON object per line per event.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        EventLines lines = new EventLines(spec.commandLine().getOut(), json);
        TomNode node = options.builder(spec.commandLine().getErr()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            lines.emit("stopped", Map.of("node_id", node.id().toHex()));
            stopped.countDown();
        }, "tom-node-shutdown"));
        Subscriptions.listen(node.events(), lines::nodeEvent);
        node.onMessage(lines::message);
        lines.started(node);
        stopped.await();
        return 0;
    }
}
