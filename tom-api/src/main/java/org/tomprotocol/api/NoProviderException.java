package org.tomprotocol.api;

import java.io.Serial;

/**
 * No usable provider of a required kind was found (no engine, no crypto suite, no transport that could
 * start). The message lists what was found and why each candidate was unusable.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class NoProviderException extends TomException {
    @Serial
    private static final long serialVersionUID = 1L;

    public NoProviderException(String message) {
        super(message);
    }

    public NoProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
