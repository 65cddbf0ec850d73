package org.tomprotocol.tck;

import org.tomprotocol.spi.anchor.AnchorProvider;
import org.tomprotocol.tck.fixtures.ReferenceAnchorProvider;

/** The anchor suite on the reference anchor, until the example anchor plugin runs it in its own module. */
class ReferenceAnchorTckTest extends AnchorTck {
    @Override
    protected AnchorProvider provider() {
        return new ReferenceAnchorProvider();
    }
}
