package org.tomprotocol.spi.anchor;

import org.tomprotocol.api.Api;

/**
 * Receives observations from one node. Every method returns nothing and throws no checked exception, so the
 * engine has nothing to branch on (lock 3); an unchecked exception is logged and ignored by the engine.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Anchor {
    /** Records one observation. Must not block. */
    void observe(AnchorObservation observation);

    /** Releases the anchor's resources. */
    void close();
}
