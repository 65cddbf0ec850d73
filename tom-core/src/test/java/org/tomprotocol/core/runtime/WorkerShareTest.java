package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;

/**
 * Real engines on the in-memory network and virtual time: a node handed more messages at once than its share of the
 * shared workers ({@link BoundedWork#DEFAULT_LIMIT} tasks) does not queue them all with the workers: the rest wait
 * in the node, in order, and go as room comes — every message is delivered, none has to be sent twice.
 */
class WorkerShareTest {
    @Test
    void aBurstLargerThanANodesShareOfTheWorkersWaitsForRoomAndIsDeliveredInFull() {
        try (SimulatedNetwork net = new SimulatedNetwork(81)) {
            TomNode alice = net.node("alice", builder -> builder.sendQueueCapacity(8_192)
                    .option("tom.admission-budget", "1000000"));
            TomNode bob = net.node("bob", builder -> builder.option("tom.admission-budget", "1000000"));
            net.link(alice, bob);
            net.run(Duration.ofSeconds(5));
            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < 3 * BoundedWork.DEFAULT_LIMIT; i++) {
                sent.add(alice.send(bob.id(), ("burst " + i).getBytes(StandardCharsets.UTF_8)));
            }

            assertThat(net.runUntil(() -> sent.stream().allMatch(m -> m.status() == MessageStatus.DELIVERED),
                    Duration.ofMinutes(10))).isTrue();
            assertThat(alice.metrics().get("workers-waited")).as("transmissions that waited for room")
                    .isGreaterThanOrEqualTo(2L * BoundedWork.DEFAULT_LIMIT);
            assertThat(alice.metrics().get("transmit-failed")).isZero();
            assertThat(alice.metrics().get("workers-busy")).isZero();
            assertThat(net.inbox(bob)).hasSize(sent.size());
        }
    }
}
