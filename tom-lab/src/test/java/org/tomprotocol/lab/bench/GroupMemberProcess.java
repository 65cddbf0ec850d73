package org.tomprotocol.lab.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.cli.extension.Subscriptions;

/**
 * One group member in its own JVM, for {@link GroupFailoverProcessesTest}: a QUIC node on loopback driven by lines
 * on standard input ({@code peer ID ADDRESS}, {@code create NAME ID,ID…}, {@code accept GROUP}, {@code post TEXT},
 * {@code peers}) and telling what happens on standard output, one line each ({@code ready ID ADDRESS},
 * {@code group ID}, {@code joined}, {@code peers N} (those with a direct session), {@code got TEXT}, {@code accepted TEXT}, {@code hub ID EPOCH}).
 * Killed with SIGKILL by the test, as a crashed hub would be. With a directory as its argument, the node keeps its
 * identity and state there (the SQLite store), and a process started again on it is the same member.
 */
public final class GroupMemberProcess {
    private static volatile GroupId group;

    private GroupMemberProcess() {
    }

    public static void main(String[] args) throws Exception {
        var builder = Tom.node().transports("quic").listen("127.0.0.1:0");
        if (args.length > 0) {
            builder.dataDir(java.nio.file.Path.of(args[0]));
        }
        TomNode node = builder.start();
        Subscriptions.listen(node.groups().events(), GroupMemberProcess::told);
        say("ready " + node.id() + " " + node.addresses().get(0));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.split(" ", 2);
            String rest = words.length > 1 ? words[1] : "";
            switch (words[0]) {
                case "peer" -> {
                    String[] parts = rest.split(" ");
                    node.addPeer(PeerAddress.of(NodeId.parse(parts[0]), TransportAddress.parse(parts[1])));
                }
                case "peers" -> say("peers " + node.peers().stream().filter(peer -> peer.directSession()).count());
                case "create" -> {
                    String[] parts = rest.split(" ");
                    List<NodeId> invitees = Arrays.stream(parts[1].split(",")).map(NodeId::parse).toList();
                    group = node.groups().create(parts[0], invitees).toCompletableFuture().get(30, TimeUnit.SECONDS)
                            .id();
                    say("group " + group.value());
                }
                case "accept" -> {
                    GroupId id = new GroupId(rest);
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (node.groups().pendingInvites().isEmpty() && System.nanoTime() < deadline) {
                        LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                    }
                    node.groups().accept(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
                    group = id;
                    say("joined");
                }
                case "post" -> node.groups().send(group, rest.getBytes(StandardCharsets.UTF_8))
                        .thenRun(() -> say("accepted " + rest));
                default -> say("unknown " + words[0]);
            }
        }
        node.close();
    }

    private static void told(GroupEvent event) {
        switch (event) {
            case GroupEvent.MessageReceived received ->
                    say("got " + new String(received.message().payload(), StandardCharsets.UTF_8));
            case GroupEvent.HubChanged changed -> say("hub " + changed.newHub() + " " + changed.epoch());
            default -> {
            }
        }
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
