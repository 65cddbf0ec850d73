package org.tomprotocol.bench.offline;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.PeerEvent;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Recipient back → delivered, over real QUIC on loopback, with the virus backup: a sender and three holders are up;
 * each round, the sender sends to a recipient that is not running, waits for {@code BACKED_UP} and closes (it is gone
 * for good); then the recipient starts, told one holder, and the time from its start to the message reaching its
 * application is measured. The baseline, measured in the same round, is the time from the same start to the
 * recipient's first session: what coming back costs before any message can move. Prints JSON.
 *
 * <pre>java -cp tom-bench/target/benchmarks.jar org.tomprotocol.bench.offline.BackupReturnReport [rounds]</pre>
 */
public final class BackupReturnReport {
    private BackupReturnReport() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<TomNode> holders = new ArrayList<>();
        List<Long> delivered = new ArrayList<>();
        List<Long> firstSession = new ArrayList<>();
        try {
            holders.add(quicNode(null));
            for (int i = 1; i < 3; i++) {
                TomNode holder = quicNode(null);
                holder.addPeer(addressOf(holders.get(0)));
                holders.add(holder);
            }
            Thread.sleep(2_000);
            for (int round = 0; round < rounds; round++) {
                byte[] seed = new byte[32];
                new SecureRandom().nextBytes(seed);
                NodeId recipient = new org.tomprotocol.crypto.TomV1Suite().identityFromSeed(seed).id();
                try (TomNode sender = quicNode(null)) {
                    for (TomNode holder : holders) {
                        sender.addPeer(addressOf(holder));
                    }
                    Thread.sleep(1_500);
                    OutboundMessage message = sender.send(recipient, ("round " + round).getBytes());
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (message.status() != MessageStatus.BACKED_UP && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    if (message.status() != MessageStatus.BACKED_UP) {
                        throw new IllegalStateException("round " + round + ": not backed up: " + message.status());
                    }
                }
                CompletableFuture<Long> received = new CompletableFuture<>();
                CompletableFuture<Long> session = new CompletableFuture<>();
                long start = System.nanoTime();
                try (TomNode back = quicNode(seed)) {
                    back.onMessage(m -> received.complete(System.nanoTime()));
                    back.events().subscribe(new java.util.concurrent.Flow.Subscriber<>() {
                        @Override
                        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                            subscription.request(Long.MAX_VALUE);
                        }

                        @Override
                        public void onNext(org.tomprotocol.api.NodeEvent event) {
                            if (event instanceof PeerEvent peer && peer.state() == PeerState.ONLINE) {
                                session.complete(System.nanoTime());
                            }
                        }

                        @Override
                        public void onError(Throwable error) {
                        }

                        @Override
                        public void onComplete() {
                        }
                    });
                    back.addPeer(addressOf(holders.get(round % holders.size())));
                    long at = received.get(30, TimeUnit.SECONDS);
                    delivered.add((at - start) / 1_000);
                    firstSession.add((session.get(30, TimeUnit.SECONDS) - start) / 1_000);
                }
            }
        } finally {
            for (TomNode holder : holders) {
                holder.close();
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rounds", rounds);
        report.put("return_to_delivered_us", percentiles(delivered));
        report.put("return_to_first_session_us", percentiles(firstSession));
        List<Long> beyond = new ArrayList<>();
        for (int i = 0; i < delivered.size(); i++) {
            beyond.add(delivered.get(i) - firstSession.get(i));
        }
        report.put("first_session_to_delivered_us", percentiles(beyond));
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    }

    private static TomNode quicNode(byte[] seed) {
        var builder = Tom.node().transports("quic").listen("127.0.0.1:0");
        if (seed != null) {
            builder.identitySeed(seed);
        }
        return builder.start();
    }

    private static PeerAddress addressOf(TomNode node) {
        TransportAddress loopback = node.addresses().stream().filter(a -> a.address().startsWith("127.0.0.1:"))
                .findFirst().orElseThrow();
        return PeerAddress.of(node.id(), loopback);
    }

    private static Map<String, Long> percentiles(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("p50", sorted.get(sorted.size() / 2));
        out.put("p90", sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.9 * sorted.size()) - 1)));
        out.put("max", sorted.get(sorted.size() - 1));
        return out;
    }
}
