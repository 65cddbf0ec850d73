package org.tomprotocol.spi.anchor;

import org.tomprotocol.api.Api;

/**
 * Receives observations from one node. Every method returns nothing and throws no checked exception, so the
 * engine has nothing to branch on (lock 3); an unchecked exception is logged and ignored by the engine.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Anchor {
    /**
     * Records one observation. Must not block: the engine calls it on its protocol thread, so an anchor that cannot
     * keep up buffers, drops and counts. Throws nothing, and ignores observations after {@link #close()}.
     */
    void observe(AnchorObservation observation);

    /** Releases the anchor's resources; returns promptly. Idempotent. */
    void close();
}
