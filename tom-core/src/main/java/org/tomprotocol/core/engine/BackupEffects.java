package org.tomprotocol.core.engine;

import java.util.List;
import java.util.function.Consumer;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.BackupCopy;
import org.tomprotocol.core.wire.MessageType;

/** What the virus backup asks of the world. */
public interface BackupEffects {
    /**
     * Sign {@code message} as the direct envelope its recipient will receive and send a copy naming
     * {@code holders} to each of {@code targets} ({@code BackupStore}).
     */
    void placeCopies(OutboundState message, List<NodeId> targets, List<NodeId> holders);

    /**
     * Keep a copy held for another node (in the store, on a durable node) and then call {@code kept} on the engine's
     * thread with whether it was kept: a holder confirms a copy only once a crash cannot lose it.
     */
    void keepCopy(BackupCopy copy, Consumer<Boolean> kept);

    /** The copy of {@code sender}'s message {@code id} is no longer held (delivered or expired): remove it from the store. */
    void dropCopy(NodeId sender, MessageId id);

    /** Sign and send an unencrypted control envelope to its first hop. */
    void sendSigned(MessageType type, NodeId to, List<NodeId> via, byte[] payload);

    /** Hand a frame already signed (a sender's message, a recipient's acknowledgement) to {@code firstHop}. */
    void sendPrepared(PreparedFrame frame);

    /** A copy of {@code sender}'s message {@code id} for {@code recipient} was taken ({@code HELD}) or let go. */
    void copyChanged(org.tomprotocol.api.BackupEvent.Kind kind, MessageId id, NodeId sender, NodeId recipient,
                     long now);

    /** Count one occurrence of {@code counter}. */
    void count(String counter);
}
