package org.tomprotocol.transport.quic;

import java.util.ArrayList;
import java.util.List;

/**
 * The connections one peer's session is made of, and the rule both sides use to pick the one to send on
 * without talking: connections dialled by the lower node id first, then the newest. All of them come from one
 * run (incarnation) of the peer's transport. Event-loop confined.
 */
final class SessionConnections {
    private final boolean weHaveLowerId;
    private final List<PeerConnection> connections = new ArrayList<>();

    SessionConnections(boolean weHaveLowerId) {
        this.weHaveLowerId = weHaveLowerId;
    }

    /** True when {@code connection} comes from another run of the peer than the connections held now. */
    boolean fromAnotherIncarnation(PeerConnection connection) {
        return !connections.isEmpty() && !connections.get(0).incarnation.equals(connection.incarnation);
    }

    void add(PeerConnection connection) {
        connections.add(connection);
    }

    boolean remove(PeerConnection connection) {
        return connections.remove(connection);
    }

    boolean contains(PeerConnection connection) {
        return connections.contains(connection);
    }

    boolean isEmpty() {
        return connections.isEmpty();
    }

    /** A copy, safe to iterate while connections are closed and removed. */
    List<PeerConnection> snapshot() {
        return List.copyOf(connections);
    }

    /** Empties the session and returns what it held. */
    List<PeerConnection> removeAll() {
        List<PeerConnection> all = snapshot();
        connections.clear();
        return all;
    }

    int open() {
        return (int) connections.stream().filter(PeerConnection::isOpen).count();
    }

    int openDialledByUs() {
        return (int) connections.stream().filter(c -> c.isOpen() && c.dialledByUs).count();
    }

    /** The connection to send on, or null when none is open. */
    PeerConnection preferred() {
        PeerConnection best = null;
        for (PeerConnection candidate : connections) {
            if (candidate.isOpen() && (best == null || rank(candidate, best) > 0)) {
                best = candidate;
            }
        }
        return best;
    }

    private int rank(PeerConnection a, PeerConnection b) {
        int byDialler = Boolean.compare(dialledByLowerId(a), dialledByLowerId(b));
        return byDialler != 0 ? byDialler : Long.compare(a.order, b.order);
    }

    private boolean dialledByLowerId(PeerConnection connection) {
        return connection.dialledByUs == weHaveLowerId;
    }

    /** Reads nothing new from the peer for {@code millis}, on every connection (see {@link PeerConnection#pause}). */
    void pause(long millis) {
        for (PeerConnection connection : snapshot()) {
            connection.pause(millis);
        }
    }

    /** Whether reading is paused on every open connection (and there is one). */
    boolean allPaused() {
        List<PeerConnection> open = snapshot();
        return !open.isEmpty() && open.stream().allMatch(PeerConnection::isPaused);
    }
}
