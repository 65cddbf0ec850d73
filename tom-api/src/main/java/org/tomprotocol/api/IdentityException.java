package org.tomprotocol.api;

import java.io.Serial;

/**
 * The node identity cannot be used: its seed file is unreadable, has the wrong size, or is readable by
 * other users. The message names the file and the fix; it never contains key material.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class IdentityException extends TomException {
    @Serial
    private static final long serialVersionUID = 1L;

    public IdentityException(String message) {
        super(message);
    }

    public IdentityException(String message, Throwable cause) {
        super(message, cause);
    }
}
