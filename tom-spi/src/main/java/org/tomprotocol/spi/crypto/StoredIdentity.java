package org.tomprotocol.spi.crypto;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An identity kept in a seed file.
 *
 * @param identity the identity
 * @param seedFile the file holding its seed
 * @param created  whether the file was created by this call
 */
public record StoredIdentity(LocalIdentity identity, Path seedFile, boolean created) {
    public StoredIdentity {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(seedFile, "seedFile");
    }
}
