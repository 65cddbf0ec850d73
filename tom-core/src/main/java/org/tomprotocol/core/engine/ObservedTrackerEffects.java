package org.tomprotocol.core.engine;

import java.util.function.LongSupplier;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.NodeId;

/**
 * The delivery tracker's effects, watched on their way out: the wire profile and stamp each transmission takes, how each
 * message travels (direct paths worth trying for relayed ones, paths that fail), and the virus backup for recipients
 * out of reach. Agent thread only.
 */
final class ObservedTrackerEffects implements TrackerEffects {
    private final NodeId local;
    private final EngineEffects effects;
    private final ProfileChoice profiles;
    private final OutboundStamps stamps;
    private final PathMonitor pathMonitor;
    private final DirectPaths directPaths;
    private final LongSupplier now;
    private VirusBackup backup;

    ObservedTrackerEffects(NodeId local, EngineEffects effects, ProfileChoice profiles, OutboundStamps stamps,
                           PathMonitor pathMonitor, DirectPaths directPaths, LongSupplier now) {
        this.local = local;
        this.effects = effects;
        this.profiles = profiles;
        this.stamps = stamps;
        this.pathMonitor = pathMonitor;
        this.directPaths = directPaths;
        this.now = now;
    }

    /** The backup, made after the tracker it watches. */
    void backup(VirusBackup virusBackup) {
        this.backup = virusBackup;
    }

    @Override
    public void transmit(OutboundState message) {
        message.wireProfile = profiles.profileFor(message.recipient(), message.path());
        message.stampBits = stamps.stampBits(message.recipient(), message.path(), now.getAsLong());
        if (!message.recipient().equals(local)) {
            pathMonitor.transmitted(message.recipient(), message.path().isDirect(), now.getAsLong());
            if (!message.path().isDirect()) {
                directPaths.relayedTo(message.recipient(), now.getAsLong());
            }
        }
        effects.transmit(message);
    }

    @Override
    public void statusChanged(MessageId id, MessageStatus previous, MessageStatus current, long at,
                              DeliveryFailedException.Reason failure) {
        if (current == MessageStatus.FAILED) {
            backup.ended(id);
        }
        effects.statusChanged(id, previous, current, at, failure);
    }

    @Override
    public void recipientUnreachable(OutboundState message) {
        backup.needed(message, now.getAsLong());
    }

    @Override
    public void schedule(TrackerTimer timer, MessageId id, int generation, long deadline) {
        effects.schedule(timer, id, generation, deadline);
    }

    @Override
    public void directPathFailed(NodeId peer) {
        effects.count("direct-path-timeouts");
        effects.disconnect(peer);
    }
}
