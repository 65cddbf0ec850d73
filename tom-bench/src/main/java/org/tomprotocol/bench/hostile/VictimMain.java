package org.tomprotocol.bench.hostile;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The victim of {@link HostileReport}, in a process of its own so its memory and CPU can be read from the
 * operating system: a default node (QUIC, gossip, tom-v1) on loopback. It prints {@code READY <id> <address>},
 * then answers {@code stats} on stdin with one JSON line, and stops on {@code quit}.
 */
public final class VictimMain {
    private VictimMain() {
    }

    public static void main(String[] args) throws Exception {
        TomNode node = Tom.node().listen("127.0.0.1:0").option("node.name", "victim").start();
        AtomicLong delivered = new AtomicLong();
        Set<MessageId> distinct = ConcurrentHashMap.newKeySet();
        node.onMessage(message -> {
            delivered.incrementAndGet();
            distinct.add(message.id());
        });
        TransportAddress address = node.addresses().stream()
                .filter(a -> a.scheme().equals("quic") && a.address().startsWith("127.0.0.1:")).findFirst()
                .orElseThrow();
        System.out.println("READY " + node.id().toHex() + " " + address);
        System.out.flush();
        ObjectMapper json = new ObjectMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("stats")) {
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("delivered", delivered.get());
                stats.put("distinct_delivered", distinct.size());
                stats.put("peers", node.peers().size());
                stats.put("addresses", node.addresses().stream().map(Object::toString).toList());
                stats.put("failed", node.failure().isPresent());
                System.gc();
                stats.put("heap_retained_mb", java.lang.management.ManagementFactory.getMemoryMXBean()
                        .getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0);
                stats.put("counters", node.metrics().byKey());
                System.out.println(json.writeValueAsString(stats));
                System.out.flush();
            } else if (line.equals("quit")) {
                break;
            }
        }
        node.close();
    }
}
