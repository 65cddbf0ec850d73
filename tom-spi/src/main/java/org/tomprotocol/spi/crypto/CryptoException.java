package org.tomprotocol.spi.crypto;

import java.io.Serial;

import org.tomprotocol.api.Api;

/**
 * A cryptographic operation failed on its input (authentication failure, invalid key, low-order point).
 * Checked, because it usually signals hostile input that the caller must count and drop.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class CryptoException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
