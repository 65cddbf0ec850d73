package org.tomprotocol.spi.transport;

import org.tomprotocol.api.Api;

/** What a transport can do, so the engine can choose between transports. */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum TransportCapability {
    /** Sessions are authenticated and encrypted at the link (e.g. TLS 1.3). */
    SECURE_LINK,
    /** It can open direct sessions through NATs (hole punching) with {@code connectDirect}. */
    NAT_TRAVERSAL,
    /** It learns how peers observe this node's address. */
    OBSERVED_ADDRESSES,
    /** It can reach nodes running in web browsers. */
    REACHES_BROWSERS,
    /** It only reaches nodes in the same process (tests and simulations). */
    IN_PROCESS,
    /**
     * It sets its sessions up with {@link Signal}s the node carries (WebRTC): it sends them with
     * {@link TransportListener#sendSignal} and takes them in {@link Transport#onSignal}.
     */
    SIGNALLED
}
