package org.tomprotocol.core.runtime;

import java.lang.System.Logger.Level;
import java.util.Map;

import org.tomprotocol.api.PeerEvent;
import org.tomprotocol.spi.anchor.Anchor;
import org.tomprotocol.spi.anchor.AnchorObservation;

/**
 * Feeds observations to the node's anchor, if it has one (lock 3): nothing comes back, and whatever the
 * anchor throws is logged and ignored, so it can never change a protocol decision.
 */
final class AnchorObserver {
    private static final System.Logger LOG = System.getLogger(AnchorObserver.class.getName());

    private final Anchor anchor;

    AnchorObserver(Anchor anchor) {
        this.anchor = anchor;
    }

    static AnchorObserver none() {
        return new AnchorObserver(null);
    }

    void peerChanged(PeerEvent event) {
        observe(new AnchorObservation("peer." + event.state().name().toLowerCase(java.util.Locale.ROOT),
                event.peer(), event.at(), Map.of()));
    }

    private void observe(AnchorObservation observation) {
        if (anchor == null) {
            return;
        }
        try {
            anchor.observe(observation);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "anchor failed to record an observation: {0}", e.toString());
        }
    }

    void close() {
        if (anchor != null) {
            try {
                anchor.close();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "anchor failed to close: {0}", e.toString());
            }
        }
    }
}
