package org.tomprotocol.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A node identity held in a data directory. It names the public key only; the secret stays in its file.
 *
 * @param id       the node id (public key)
 * @param seedFile the file holding the 32-byte secret seed
 * @param created  whether this call created the identity
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record IdentityInfo(NodeId id, Path seedFile, boolean created) {
    public IdentityInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seedFile, "seedFile");
    }
}
