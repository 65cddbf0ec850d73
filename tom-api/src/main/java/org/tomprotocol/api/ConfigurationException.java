package org.tomprotocol.api;

import java.io.Serial;

/** A setting given to the node builder or the CLI is invalid; the message names the setting and the fix. */
@Api(status = Api.Status.STABLE, since = "0.1")
public class ConfigurationException extends TomException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
