package org.tomprotocol.core.engine;

import java.util.Collections;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.ReadReceiptPayload;
import org.tomprotocol.core.wire.SignalPayload;

/**
 * The control envelopes this node sends on its own initiative, best effort, on the best path it knows: a transport's
 * signalling (§5.1) and read receipts. Neither is tracked: a lost one is not sent again. Agent thread only.
 */
final class OutboundControl {
    private final RelaySelector relays;
    private final EngineEffects effects;

    OutboundControl(RelaySelector relays, EngineEffects effects) {
        this.relays = relays;
        this.effects = effects;
    }

    /** A transport asks to carry {@code signal} to {@code peer}: direct or through a relay. */
    void signal(NodeId peer, org.tomprotocol.spi.transport.Signal signal, long now) {
        Path path = relays.choose(peer, Collections.emptySet(), now);
        if (path == null) {
            effects.count("signal-unroutable");
            return;
        }
        effects.count("signals-sent");
        effects.sendSealed(MessageType.Signal, peer, path.relays(), new SignalPayload(signal).encode());
    }

    /** The application read {@code message}: tell its sender. */
    void read(InboundMessage message, long now) {
        Path path = relays.choose(message.sender(), Collections.emptySet(), now);
        if (path == null) {
            effects.count("receipt-unroutable");
            return;
        }
        effects.sendSigned(MessageType.ReadReceipt, message.sender(), path.relays(),
                new ReadReceiptPayload(message.id(), now).encode());
    }
}
