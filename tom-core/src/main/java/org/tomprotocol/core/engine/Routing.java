package org.tomprotocol.core.engine;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.AckPayload;

/** What the {@link Router} decided for one verified inbound envelope. */
public sealed interface Routing {
    /** A new message for this node's application; acknowledge it to its sender. */
    record Deliver(VerifiedEnvelope envelope) implements Routing {
    }

    /** A message this node already delivered (a retry or a network duplicate): acknowledge again, do not deliver. */
    record Reacknowledge(VerifiedEnvelope envelope) implements Routing {
    }

    /** An acknowledgement of a message this node sent. */
    record Acknowledged(AckPayload ack, NodeId from) implements Routing {
    }

    /** The recipient's application read a message this node sent. */
    record Read(VerifiedEnvelope envelope, long readAt) implements Routing {
    }

    /** A relay this node has a session with introduces {@code peer}: try a direct path to it. */
    record Introduced(NodeId introducer, org.tomprotocol.core.wire.RendezvousPayload rendezvous) implements Routing {
    }

    /** A backup frame for this node (a copy to hold, a holder's answer, proofs of delivery, a query). */
    record Backup(VerifiedEnvelope envelope, BackupInput input) implements Routing {
    }

    /** Only a sign of life. */
    record KeepAlive(NodeId from) implements Routing {
    }

    /** Signalling for the transport that sets its sessions up through the node. */
    record Signalled(NodeId from, org.tomprotocol.spi.transport.Signal signal) implements Routing {
    }

    /** What {@code from} charges this node for its messages, from {@code sentAt} (lock 5). */
    record Priced(NodeId from, org.tomprotocol.core.wire.PricePayload price, long sentAt) implements Routing {
    }

    /** A group frame from {@code from}, for the node's groups. */
    record Grouped(NodeId from, org.tomprotocol.core.wire.GroupFrame frame) implements Routing {
    }

    /** This node is a relay of the envelope: pass it on to {@code nextHop}; send a relay acknowledgement if asked. */
    record Forward(VerifiedEnvelope envelope, NodeId nextHop, boolean acknowledge) implements Routing {
    }

    /** Refused; counted under {@code rejected.<reason>}. */
    record Reject(String reason) implements Routing {
        /**
         * Reasons no honest node ever causes, however slow or late: the neighbour that handed such an envelope over
         * is charged for it. The others (stale, repeated acknowledgements, introductions too soon, clocks apart,
         * types of a newer version) can come from an honest node under load, and must never make it pay.
         */
        private static final java.util.Set<String> MISBEHAVIOUR = java.util.Set.of("too-many-relays",
                "routing-loop", "not-addressed-here", "indirect-rendezvous", "replayed-message", "replayed-nonce",
                "backup-query-for-another", "backup-proof-mismatch");

        /** Whether only a misbehaving neighbour could have caused this refusal. */
        public boolean provesMisbehaviour() {
            return MISBEHAVIOUR.contains(reason);
        }
    }
}
