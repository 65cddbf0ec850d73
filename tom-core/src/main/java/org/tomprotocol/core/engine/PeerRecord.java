package org.tomprotocol.core.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerState;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.wire.PeerRole;
import org.tomprotocol.spi.state.DecayingCount;

/** What this node knows of one peer. Mutable, owned by the {@link PeerTable}, touched only on the agent thread. */
public final class PeerRecord {
    private final NodeId id;
    long lastSeen;
    /** Since when the peer has been heard without going offline in between: how long it has stayed up. */
    long onlineSince;
    PeerState state;
    boolean session;
    long lastSentTo;
    int inFlightVia;
    final RelayOutcomes relayOutcomes = new RelayOutcomes();
    /** When this node last chose the peer as a relay (its creation, before that). */
    long lastChosenAsRelay;
    /** How long a judged relay may go unchosen before one message tries it again (see {@link RelaySelector}). */
    long relayProbeAfterMs = RelaySelector.FIRST_PROBE_AFTER_MS;
    /** Whether the relay's latest choice was such a try, not yet judged. */
    boolean relayOnTrial;
    long announceTimestamp;
    String username = "";
    TransportAddress observed;
    long directSuspectUntil;
    int directFailures;
    long lastHeardDirectly;
    /** Whether the peer accepts envelopes in the compact profile (its announce says so, or it sent us one). */
    boolean acceptsCompact;
    /** Whether the peer reads stamped frames (its announce lists {@code stamped}; wire spec §15). */
    boolean readsStamped;
    final List<TransportAddress> addresses = new ArrayList<>();
    /** The roles the peer announces: its own account of its work, weighed after this node's own observations. */
    final EnumSet<PeerRole> announcedRoles = EnumSet.noneOf(PeerRole.class);
    /**
     * Copies of this node's messages the peer confirmed it kept and then brought the recipient's signed proof of
     * delivery for: holding work this node verified (one-hour half-life).
     */
    final DecayingCount copiesProven = new DecayingCount(EarnedRole.HALF_LIFE_MS);

    PeerRecord(NodeId id, long now) {
        this.id = id;
        this.lastSeen = now;
        this.onlineSince = now;
        this.lastSentTo = now;
        this.lastChosenAsRelay = now;
        this.state = PeerState.DISCOVERED;
    }

    public NodeId id() {
        return id;
    }

    public long lastSeen() {
        return lastSeen;
    }

    public PeerState state() {
        return state;
    }

    /** Whether a transport session to the peer is open. */
    public boolean hasSession() {
        return session;
    }

    /** Messages of ours currently routed through this peer. */
    public int inFlightVia() {
        return inFlightVia;
    }

    /** The chance, judged from end-to-end outcomes, that a message of ours through this peer gets delivered. */
    public double relayDeliveryEstimate(long now) {
        return relayOutcomes.deliveryEstimate(now);
    }

    public String username() {
        return username;
    }

    /** The address this node's transport observes for the peer (its public mapping behind a NAT), or {@code null}. */
    public TransportAddress observed() {
        return observed;
    }

    public List<TransportAddress> addresses() {
        return List.copyOf(addresses);
    }

    /** Since when the peer has stayed up, as this node saw it. */
    public long onlineSince() {
        return onlineSince;
    }

    /**
     * The chance, judged from the copies it kept for this node, that the peer holds a copy until its delivery:
     * (proven + 1) / (proven + 2), so one never tried is at one half. A holder's failure cannot be proven (the
     * recipient may never come back), so only its proofs count.
     */
    public double holdingEstimate(long now) {
        double proven = copiesProven.value(now);
        return (proven + 1) / (proven + 2);
    }

    /** Whether the peer's latest announce lists {@code role}. */
    public boolean announces(PeerRole role) {
        return announcedRoles.contains(role);
    }

    /** Whether it was heard from recently enough to carry traffic. */
    public boolean isLive() {
        return state == PeerState.ONLINE;
    }
}
