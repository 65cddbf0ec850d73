package org.tomprotocol.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PathKind;

/**
 * Remembers how this node last reached each peer it sends to — through a relay or directly — and reports
 * each change, with the time since the first message to that peer: {@code RELAY → DIRECT} when a direct
 * session comes up (e.g. after hole punching), {@code DIRECT → RELAY} when it dies. Pure; bounded.
 */
final class PathMonitor {
    private static final int CAPACITY = 10_000;

    /** Receives path changes. */
    interface Listener {
        void pathChanged(NodeId peer, PathKind from, PathKind to, long sinceFirstMillis, long now);
    }

    private static final class Route {
        PathKind kind;
        final long firstMessageAt;

        Route(PathKind kind, long firstMessageAt) {
            this.kind = kind;
            this.firstMessageAt = firstMessageAt;
        }
    }

    private final Listener listener;
    private final Map<NodeId, Route> routes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeId, Route> eldest) {
            return size() > CAPACITY;
        }
    };

    PathMonitor(Listener listener) {
        this.listener = listener;
    }

    /** A message to {@code peer} went out directly or through a relay. */
    void transmitted(NodeId peer, boolean direct, long now) {
        PathKind kind = direct ? PathKind.DIRECT : PathKind.RELAY;
        Route route = routes.get(peer);
        if (route == null) {
            routes.put(peer, new Route(kind, now));
        } else {
            change(peer, route, kind, now);
        }
    }

    /** A direct session to {@code peer} came up or went down. */
    void session(NodeId peer, boolean up, long now) {
        Route route = routes.get(peer);
        if (route != null) {
            change(peer, route, up ? PathKind.DIRECT : PathKind.RELAY, now);
        }
    }

    private void change(NodeId peer, Route route, PathKind kind, long now) {
        if (route.kind != kind) {
            PathKind previous = route.kind;
            route.kind = kind;
            listener.pathChanged(peer, previous, kind, now - route.firstMessageAt, now);
        }
    }
}
