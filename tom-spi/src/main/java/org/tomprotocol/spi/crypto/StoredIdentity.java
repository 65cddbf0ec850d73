package org.tomprotocol.spi.crypto;

import java.nio.file.Path;
import java.util.Objects;

import org.tomprotocol.api.Api;

/**
 * An identity kept in a seed file.
 *
 * @param identity the identity
 * @param seedFile the file holding its seed
 * @param created  whether the file was created by this call
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record StoredIdentity(LocalIdentity identity, Path seedFile, boolean created) {
    public StoredIdentity {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(seedFile, "seedFile");
    }
}
