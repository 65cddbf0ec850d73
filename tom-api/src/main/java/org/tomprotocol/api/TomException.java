package org.tomprotocol.api;

import java.io.Serial;

/**
 * Base of every exception ToM throws to an application. Messages say what went wrong and what to change;
 * they never contain keys or payloads.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class TomException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public TomException(String message) {
        super(message);
    }

    public TomException(String message, Throwable cause) {
        super(message, cause);
    }
}
