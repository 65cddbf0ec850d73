package org.tomprotocol.testkit;

import org.tomprotocol.api.TransportAddress;

/**
 * One session between two {@code mem} transports, seen from both ends. Guarded by the network's lock.
 */
final class Session {
    enum State {
        /** Not started: the responder before the handshake arrives. */
        NONE,
        /** The initiator waits for the handshake reply. */
        CONNECTING,
        OPEN,
        CLOSED
    }

    /** One end of the session. */
    final class Side {
        final MemoryTransport owner;
        State state;
        /** Earliest arrival time of this side's next in-order frame: keeps the stream ordered. */
        long floorMillis;
        boolean watchdogArmed;
        long watchdogGeneration;

        private Side(MemoryTransport owner, State state) {
            this.owner = owner;
            this.state = state;
        }

        Session session() {
            return Session.this;
        }

        Side peerSide() {
            return this == initiator ? responder : initiator;
        }

        MemoryTransport peer() {
            return peerSide().owner;
        }

        boolean isLive() {
            return state == State.CONNECTING || state == State.OPEN;
        }

        @Override
        public String toString() {
            return "session " + id + " at " + owner.id().shortForm() + " (" + state + ")";
        }
    }

    final long id;
    /** The address the initiator dialed, reported to it as the peer's address. */
    final TransportAddress dialed;
    final Side initiator;
    final Side responder;

    Session(long id, MemoryTransport initiator, MemoryTransport responder, TransportAddress dialed) {
        this.id = id;
        this.dialed = dialed;
        this.initiator = new Side(initiator, State.CONNECTING);
        this.responder = new Side(responder, State.NONE);
    }

    /** Whether neither side is connecting or open, so the network can forget the session. */
    boolean finished() {
        return !initiator.isLive() && !responder.isLive();
    }
}
