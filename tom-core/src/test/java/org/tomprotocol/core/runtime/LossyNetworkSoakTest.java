package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.testkit.LinkModel;

/**
 * 50 real engines, 20 % loss on every link, 10 000 messages between nodes that all stay online: since a message
 * stays alive (and tried) for 24 h, every one is delivered, and no application ever sees a message twice.
 */
class LossyNetworkSoakTest {
    private static final int NODES = 50;
    private static final int HUBS = 5;
    private static final int MESSAGES = 10_000;

    @Test
    void everyMessageIsDeliveredUnderLossAndNoneTwice() {
        try (SimulatedNetwork net = new SimulatedNetwork(2026)) {
            net.network.defaultLink(LinkModel.builder().latencyMillis(10).jitterMillis(10).loss(0.20).build());
            List<TomNode> nodes = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                nodes.add(net.node("n" + i));
            }
            Random random = new Random(7);
            for (int i = 0; i < NODES; i++) {
                for (int j = i + 1; j < NODES; j++) {
                    if (i < HUBS || random.nextDouble() < 0.3) {
                        net.link(nodes.get(j), nodes.get(i));
                    }
                }
            }
            net.run(Duration.ofSeconds(2));

            List<OutboundMessage> sent = new ArrayList<>();
            for (int m = 0; m < MESSAGES; m++) {
                TomNode from = nodes.get(random.nextInt(NODES));
                TomNode to = nodes.get(random.nextInt(NODES));
                while (to == from) {
                    to = nodes.get(random.nextInt(NODES));
                }
                sent.add(from.send(to.id(), ("message " + m).getBytes()));
                if (m % 100 == 99) {
                    net.run(Duration.ofMillis(500));
                }
            }
            net.runUntil(() -> sent.stream().allMatch(s -> s.status().isDelivered()), Duration.ofHours(1));

            long delivered = sent.stream().filter(message -> message.status().isDelivered()).count();
            assertThat(sent).noneMatch(message -> message.status() == MessageStatus.FAILED);
            for (TomNode node : nodes) {
                List<InboundMessage> inbox = net.inbox(node);
                Set<MessageId> unique = new HashSet<>();
                inbox.forEach(message -> assertThat(unique.add(message.id())).as("delivered once").isTrue());
            }
            assertThat(delivered).as("delivered under 20 % loss, within the hour").isEqualTo(MESSAGES);
        }
    }
}
