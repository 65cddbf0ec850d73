package org.tomprotocol.api;

import java.io.Serial;

/** The engine in use does not implement a feature of this API; the message names the feature. */
@Api(status = Api.Status.STABLE, since = "0.1")
public class UnsupportedFeatureException extends TomException {
    @Serial
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String message) {
        super(message);
    }
}
