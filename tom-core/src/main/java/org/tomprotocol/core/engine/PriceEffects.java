package org.tomprotocol.core.engine;

import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.MessageType;

/** What pricing origins ({@link InboundPricing}) asks of the world: to count, and to tell an origin its price. */
public interface PriceEffects {
    /** Sign and send an unencrypted control envelope to its first hop. */
    void sendSigned(MessageType type, NodeId to, List<NodeId> via, byte[] payload);

    /** Increments a named counter. */
    void count(String counter);

    /**
     * {@code origin} was asked for stamps of {@code bits} (0: none any more) until {@code until}: its chats without one
     * may be refused before their signature is checked ({@link StampGate}).
     */
    void stampOwed(NodeId origin, int bits, long now, long until);
}
