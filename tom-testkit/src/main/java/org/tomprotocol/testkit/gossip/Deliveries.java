package org.tomprotocol.testkit.gossip;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.discovery.Validation;
import org.tomprotocol.testkit.gossip.GossipNetwork.DeliveryListener;

/**
 * The host side of validation in a {@link GossipNetwork}: judges each payload a node asks about with the
 * network's {@link PayloadValidator}, and records what each node took in (accepted), counting a payload a node
 * takes in twice and telling the listeners.
 */
final class Deliveries {
    private final NetworkCounters counters;
    private final List<DeliveryListener> listeners = new ArrayList<>();
    private final Map<Integer, Set<ByteBuffer>> delivered = new HashMap<>();
    private PayloadValidator validator = PayloadValidator.ACCEPT_ALL;

    Deliveries(NetworkCounters counters) {
        this.counters = counters;
    }

    void validator(PayloadValidator payloadValidator) {
        this.validator = Objects.requireNonNull(payloadValidator, "payloadValidator");
    }

    void listen(DeliveryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The verdict of {@code node} on {@code payload} from {@code from}; an accepted payload counts as delivered. */
    Validation judge(SimulatedNode node, NodeId from, byte[] payload) {
        Validation verdict = validator.validate(node.id, from, payload);
        if (verdict == Validation.ACCEPT) {
            if (!delivered.computeIfAbsent(node.index, ignored -> new HashSet<>()).add(ByteBuffer.wrap(payload))) {
                counters.duplicateDeliveries++;
            }
            for (DeliveryListener listener : listeners) {
                listener.delivered(node.id, from, payload);
            }
        }
        return verdict;
    }

    boolean hasDelivered(SimulatedNode node, byte[] payload) {
        return delivered.getOrDefault(node.index, Set.of()).contains(ByteBuffer.wrap(payload));
    }
}
