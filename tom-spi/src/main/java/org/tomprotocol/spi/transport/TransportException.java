package org.tomprotocol.spi.transport;

import java.io.Serial;

import org.tomprotocol.api.Api;

/** A transport could not bind, connect or send; the message names the peer or address and the cause. */
@Api(status = Api.Status.STABLE, since = "0.1")
public class TransportException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
