package org.tomprotocol.core.engine;

import org.tomprotocol.spi.state.DecayingCount;

/**
 * How well a peer has carried this node's messages as a relay, judged end to end. A message it carried counts
 * as delivered when the final recipient's acknowledgement came back, and as lost when the relay did not
 * confirm forwarding in time, or confirmed it and the recipient's acknowledgement never followed. A relay's own
 * "forwarded" acknowledgement earns nothing: it costs a relay nothing to send, so it proves nothing.
 *
 * <p>Both counts decay with a half-life of {@link ProtocolConstants#RELAY_OUTCOME_HALF_LIFE_MS}, so the estimate
 * is a gradient that forgets, never a verdict (lock 4): a relay that lost messages is chosen only after better
 * ones, and comes back into favour as its losses fade. Pure; the time is passed in.
 */
final class RelayOutcomes {
    private final DecayingCount delivered = new DecayingCount(ProtocolConstants.RELAY_OUTCOME_HALF_LIFE_MS);
    private final DecayingCount lost = new DecayingCount(ProtocolConstants.RELAY_OUTCOME_HALF_LIFE_MS);

    /** A message through this relay was acknowledged by its final recipient. */
    void delivered(long now) {
        delivered.add(1, now);
    }

    /** A message through this relay was not delivered in time. */
    void lost(long now) {
        lost.add(1, now);
    }

    /** Messages this relay carried for this node that their recipients acknowledged, decayed: work it proved. */
    double deliveredCount(long now) {
        return delivered.value(now);
    }

    /** Whether this node has routed anything through this relay lately enough that its outcomes still weigh. */
    boolean judged(long now) {
        return delivered.value(now) + lost.value(now) >= 0.5;
    }

    /**
     * The estimated chance that a message through this relay gets delivered: (delivered + 1) / (delivered + lost
     * + 2), Laplace's rule, so an unknown relay starts at one half.
     */
    double deliveryEstimate(long now) {
        double good = delivered.value(now);
        return (good + 1) / (good + lost.value(now) + 2);
    }
}
