package org.tomprotocol.cli.stress;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.SendOptions;
import org.tomprotocol.api.SendRejectedException;
import org.tomprotocol.api.TomNode;

/**
 * A flooder's messages, in {@code tom stress flood} (the flooder in this process) and {@code tom stress flooder} (in
 * a process of its own): what it sent, what its own node refused, and the report of both.
 */
final class Flood {
    private static final byte[] PAYLOAD = "flood".getBytes(StandardCharsets.UTF_8);

    private final TomNode flooder;
    private final NodeId recipient;
    private final SendOptions via;
    private final List<OutboundMessage> sent = new ArrayList<>();
    private int refused;

    Flood(TomNode flooder, NodeId recipient, SendOptions via) {
        this.flooder = flooder;
        this.recipient = recipient;
        this.via = via;
    }

    /** One more message of the flood. */
    void send() {
        try {
            sent.add(flooder.send(recipient, PAYLOAD, via));
        } catch (SendRejectedException e) {
            // the flooder's own send queue is full of what the network has not taken yet: the flood goes on
            refused++;
        }
    }

    /** Whether a message of the flood is still in flight. */
    boolean inFlight() {
        return sent.stream().anyMatch(m -> m.status() == MessageStatus.PENDING);
    }

    /** What became of the flood: sent, refused by its own node, delivered (in all and each second), stamps minted. */
    Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("flood_sent", sent.size());
        report.put("flood_refused_by_own_node", refused);
        report.put("flood_delivered", sent.stream().filter(m -> m.status() == MessageStatus.DELIVERED).count());
        report.put("flood_delivered_per_second", deliveredPerSecond(sent));
        report.put("flooder_stamps_minted", flooder.metrics().get("stamps-minted"));
        return report;
    }

    /** How many of the flood's messages were delivered in each second since the first was sent. */
    static List<Long> deliveredPerSecond(List<OutboundMessage> flood) {
        if (flood.isEmpty()) {
            return List.of();
        }
        long first = flood.get(0).timeline().get(0).at().toEpochMilli();
        List<Long> perSecond = new ArrayList<>();
        for (OutboundMessage message : flood) {
            message.timeline().stream().filter(change -> change.current() == MessageStatus.DELIVERED).findFirst()
                    .ifPresent(change -> {
                        int second = (int) ((change.at().toEpochMilli() - first) / 1000);
                        while (perSecond.size() <= second) {
                            perSecond.add(0L);
                        }
                        perSecond.set(second, perSecond.get(second) + 1);
                    });
        }
        return perSecond;
    }
}
