package org.tomprotocol.spi.transport;

import java.util.List;
import java.util.Map;

import org.tomprotocol.api.Api;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;

/**
 * What a transport is bound with.
 *
 * @param identity      the node's identity, for authenticating sessions
 * @param crypto        the node's crypto suite, e.g. to check a peer's public key
 * @param listen        addresses of this transport's scheme to listen on; empty for its default
 * @param maxFrameBytes the largest frame to send or accept: a larger one fails at send, and a peer's is rejected
 *                      ({@code onRejected}) without being read whole, the session staying usable
 * @param options       node options; a transport reads those prefixed with its scheme
 * @param listener      where to report frames and sessions
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record TransportContext(LocalIdentity identity, CryptoSuite crypto, List<TransportAddress> listen,
                               int maxFrameBytes, Map<String, String> options, TransportListener listener) {
    public TransportContext {
        listen = List.copyOf(listen);
        options = Map.copyOf(options);
    }

    /** The option {@code key}, or {@code defaultValue}. */
    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }
}
