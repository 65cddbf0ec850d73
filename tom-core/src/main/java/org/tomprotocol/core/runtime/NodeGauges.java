package org.tomprotocol.core.runtime;

import java.util.Locale;
import java.util.Map;

import org.tomprotocol.api.PeerInfo;
import org.tomprotocol.api.PeerState;

/**
 * The node's gauges, read on whatever thread takes a snapshot: the depths of the agent's two queues, the
 * messages in flight, and the peers by state and with a session, from the snapshot the agent publishes (the
 * engine's own tables belong to the agent thread and are never read from here).
 */
final class NodeGauges {
    private NodeGauges() {
    }

    static void register(Metrics metrics, NodeAgent agent, NodeFacade facade) {
        metrics.gauge("queue_depth", Map.of("queue", "network"), agent::networkQueueDepth);
        metrics.gauge("queue_depth", Map.of("queue", "control"), agent::controlQueueDepth);
        metrics.gauge("messages_in_flight", Map.of(), facade::inFlight);
        for (PeerState state : PeerState.values()) {
            metrics.gauge("peers", Map.of("state", state.name().toLowerCase(Locale.ROOT)),
                    () -> facade.peers().stream().filter(peer -> peer.state() == state).count());
        }
        metrics.gauge("sessions", Map.of(), () -> facade.peers().stream().filter(PeerInfo::directSession).count());
    }
}
