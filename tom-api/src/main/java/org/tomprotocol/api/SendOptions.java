package org.tomprotocol.api;

import java.util.List;
import java.util.Objects;

/**
 * How to send one message. By default the node chooses the path itself: direct when a session to the
 * recipient is open, else through the best relay, rerouting if a relay fails. {@link #viaRelays} fixes the
 * path instead (source routing, at most four relays): the message goes exactly that way, with retries but
 * no reroute.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class SendOptions {
    /** Most relays a path may name. */
    public static final int MAX_RELAYS = 4;

    private static final SendOptions DEFAULTS = new SendOptions(List.of(), false);

    private final List<NodeId> relays;
    private final boolean fixedPath;

    private SendOptions(List<NodeId> relays, boolean fixedPath) {
        this.relays = List.copyOf(relays);
        this.fixedPath = fixedPath;
    }

    /** The node chooses the path. */
    public static SendOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Sends through exactly these relays, in order (none: direct only).
     *
     * @throws ConfigurationException if more than {@value #MAX_RELAYS} relays are given
     */
    public static SendOptions viaRelays(List<NodeId> relays) {
        Objects.requireNonNull(relays, "relays");
        if (relays.size() > MAX_RELAYS) {
            throw new ConfigurationException("a path names at most " + MAX_RELAYS + " relays, got " + relays.size());
        }
        return new SendOptions(relays, true);
    }

    /** Sends through exactly these relays; see {@link #viaRelays(List)}. */
    public static SendOptions viaRelays(NodeId... relays) {
        return viaRelays(List.of(relays));
    }

    /** Whether the path is fixed by the caller. */
    public boolean fixedPath() {
        return fixedPath;
    }

    /** The fixed relays, first hop first; empty when the node chooses or the path is direct. */
    public List<NodeId> relays() {
        return relays;
    }
}
