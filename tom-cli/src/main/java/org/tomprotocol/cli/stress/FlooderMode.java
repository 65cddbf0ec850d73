package org.tomprotocol.cli.stress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.SendOptions;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.cli.node.EventLines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tom stress flooder}: one node that floods a recipient through a relay, the flooder of {@code tom stress
 * flood --flooder-cpu} in a process of its own (so that its signing and minting take its own CPU, as a real
 * flooder's do). It reaches the relay, gets one message through, prints {@code ready}, waits for a line on its
 * standard input, sends at its rate for its seconds, waits for what is still in flight, and prints what was
 * delivered each second.
 */
@Command(name = "flooder", mixinStandardHelpOptions = true,
        description = "Floods a recipient through a relay (the flooder of 'tom stress flood --flooder-cpu'): prints "
                + "'ready' once a first message got through, floods when a line comes on standard input, then "
                + "prints what was delivered each second.")
public final class FlooderMode implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--relay", required = true, paramLabel = "QUIC_ADDRESS",
            description = "The relay's address, e.g. quic:127.0.0.1:7400.")
    private String relayAddress;

    @Option(names = "--relay-id", required = true, paramLabel = "NODEID", description = "The relay's node id.")
    private NodeId relay;

    @Option(names = "--to", required = true, paramLabel = "NODEID", description = "The recipient, behind the relay.")
    private NodeId recipient;

    @Option(names = "--rate", defaultValue = "500", description = "Messages a second (default ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to flood (default ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--stamp-bits", defaultValue = "20", paramLabel = "BITS",
            description = "The hardest stamp it mints, its option tom.max-stamp-bits (default ${DEFAULT-VALUE}).")
    private int stampBits;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (rate < 1 || seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--rate and --seconds must each be at least 1");
        }
        EventLines lines = new EventLines(spec.commandLine().getOut(), true);
        try (TomNode flooder = Tom.node().transports("quic").listen("127.0.0.1:0")
                .option("tom.max-stamp-bits", String.valueOf(stampBits)).start()) {
            flooder.addPeer(PeerAddress.of(relay, TransportAddress.parse(relayAddress)));
            SendOptions viaRelay = SendOptions.viaRelays(relay);
            if (!StressNode.await(flooder.send(recipient, new byte[1], viaRelay), System.nanoTime(),
                    Duration.ofSeconds(20)).delivered()) {
                throw new IllegalStateException("the relay did not carry a first message within 20 s");
            }
            lines.emit("ready", Map.of("node_id", flooder.id().toHex()));
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            Flood flood = new Flood(flooder, recipient, viaRelay);
            flood(flood);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && flood.inFlight()) {
                Thread.sleep(50);
            }
            lines.emit("flooder_result", flood.report());
        }
        return 0;
    }

    private void flood(Flood flood) {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long next = start;
        while (System.nanoTime() < end) {
            while (System.nanoTime() >= next) {
                flood.send();
                next += TimeUnit.SECONDS.toNanos(1) / rate;
            }
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }
}
