package org.tomprotocol.cli.stress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
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
            List<OutboundMessage> flood = flood(flooder, viaRelay);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && flood.stream().anyMatch(m -> m.status() == MessageStatus.PENDING)) {
                Thread.sleep(50);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("flood_sent", flood.size());
            result.put("flood_refused_by_own_node", refused);
            result.put("flood_delivered", flood.stream().filter(m -> m.status() == MessageStatus.DELIVERED).count());
            result.put("flood_delivered_per_second", FloodMode.deliveredPerSecond(flood));
            result.put("flooder_stamps_minted", flooder.metrics().get("stamps-minted"));
            lines.emit("flooder_result", result);
        }
        return 0;
    }

    private int refused;

    private List<OutboundMessage> flood(TomNode flooder, SendOptions via) {
        List<OutboundMessage> flood = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long next = start;
        while (System.nanoTime() < end) {
            while (System.nanoTime() >= next) {
                try {
                    flood.add(flooder.send(recipient, "flood".getBytes(StandardCharsets.UTF_8), via));
                } catch (org.tomprotocol.api.SendRejectedException e) {
                    // its own send queue is full of what the network has not taken yet: the flood goes on
                    refused++;
                }
                next += TimeUnit.SECONDS.toNanos(1) / rate;
            }
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        return flood;
    }
}
