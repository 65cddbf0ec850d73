package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.RendezvousPayload;

/**
 * How relayed peers get a direct path (docs/nat-lab.md): as a relay, this node introduces the two ends of a
 * conversation it carries to each other (rendezvous); as an end, it tries a direct path to a peer it reaches only
 * through a relay, or that it was introduced to, and again later while the relay is all it has. Pure; agent thread
 * only.
 */
final class DirectPaths {
    private final NodeId local;
    private final PeerTable peers;
    private final EngineEffects effects;
    private final Introductions introductions;
    private final DirectAttempts attempts = new DirectAttempts();

    DirectPaths(NodeId local, PeerTable peers, EngineEffects effects) {
        this.local = local;
        this.peers = peers;
        this.effects = effects;
        this.introductions = new Introductions(peers);
    }

    /** As relay: a chat from {@code sender} to {@code recipient} went through this node; introduce them. */
    void carried(NodeId sender, NodeId recipient, long now) {
        for (Introductions.Introduction introduction : introductions.relayed(sender, recipient, now)) {
            effects.count("introductions-sent");
            effects.sendSigned(MessageType.Rendezvous, introduction.recipient(), List.of(),
                    new RendezvousPayload(introduction.peer(), introduction.candidates()).encode());
        }
    }

    /** This node sent a message to {@code recipient} through a relay: a direct path is worth trying. */
    void relayedTo(NodeId recipient, long now) {
        attempts.relayed(recipient, now);
    }

    /** A relay introduced this node to a peer: try a direct path to it, unless one is up and trusted. */
    void introduced(RendezvousPayload rendezvous, long now) {
        if (rendezvous.peer().equals(local)) {
            return;
        }
        effects.count("introductions-received");
        PeerRecord peer = peers.get(rendezvous.peer());
        List<TransportAddress> candidates = punchCandidates(rendezvous, peer);
        if (peer == null || !peer.hasSession() || now < peer.directSuspectUntil) {
            attempt(attempts.introduced(rendezvous.peer(), candidates, now));
        }
    }

    /** A session to {@code peer} is up: no more attempts needed. */
    void sessionUp(NodeId peer) {
        attempts.sessionUp(peer);
    }

    /** The attempts due now, to peers whose only session is through a relay or is suspect. */
    void tick(long now) {
        for (DirectAttempts.Attempt due : attempts.due(now, peer -> {
            PeerRecord record = peers.get(peer);
            return record != null && record.hasSession() && now >= record.directSuspectUntil;
        })) {
            attempt(due);
        }
    }

    private void attempt(DirectAttempts.Attempt attempt) {
        if (attempt.candidates().isEmpty()) {
            PeerRecord record = peers.get(attempt.peer());
            if (record != null && !record.addresses().isEmpty()) {
                effects.connect(attempt.peer());
            }
        } else {
            effects.connectDirect(attempt.peer(), attempt.candidates());
        }
    }

    /**
     * Where to punch towards an introduced peer: the relay's observation of it (its public NAT mapping, which
     * the peer itself may not know, so no one can sign it) — the first candidate of the introduction, and the
     * only one taken on the introducer's word — then the addresses the peer vouched for itself in its signed
     * announce (or the application gave). The rest of the introducer's list is ignored: a hostile neighbour
     * could otherwise aim this node's probes at any address it likes. The candidates are not learned as the
     * peer's addresses either.
     */
    private static List<TransportAddress> punchCandidates(RendezvousPayload rendezvous, PeerRecord peer) {
        List<TransportAddress> candidates = new ArrayList<>();
        if (!rendezvous.candidates().isEmpty()) {
            candidates.add(rendezvous.candidates().get(0));
        }
        if (peer != null) {
            for (TransportAddress vouched : peer.addresses()) {
                if (!candidates.contains(vouched)) {
                    candidates.add(vouched);
                }
            }
        }
        return candidates;
    }
}
