package org.tomprotocol.tck.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.Validation;

/**
 * One node of a {@link DiscoveryNetwork}: the discovery under test and the context it acts through, which checks as
 * it goes what the engine assumes — that the discovery acts only inside its own calls, on the calling thread; that
 * its timers ask to be called later; that {@code neighbors()} is exactly what it reported up and not down.
 */
final class SimulatedPeer implements DiscoveryContext {
    /** A payload the node was asked to validate. */
    record Validating(long ticket, NodeId from, byte[] payload) {
    }

    final int index;
    final NodeId id;
    final TransportAddress address;
    final Set<NodeId> knownAddresses = new LinkedHashSet<>();
    final Set<NodeId> sessions = new LinkedHashSet<>();
    final Set<NodeId> reportedUp = new LinkedHashSet<>();
    final List<Validating> validations = new ArrayList<>();
    final Map<Long, byte[]> ticketPayloads = new HashMap<>();
    final List<Long> held = new ArrayList<>();
    final List<byte[]> delivered = new ArrayList<>();
    final List<String> rejections = new ArrayList<>();
    private final DiscoveryNetwork network;
    private final RandomGenerator random;
    private final Map<String, String> options;
    private final Thread owner;
    private List<PeerAddress> bootstrap = List.of();
    Discovery discovery;
    boolean alive = true;
    boolean holdVerdicts;
    long timerGeneration;
    private boolean inside;

    SimulatedPeer(DiscoveryNetwork network, int index, NodeId id, long seed, Map<String, String> options) {
        this.network = network;
        this.index = index;
        this.id = id;
        this.address = new TransportAddress("tck", "node-" + index);
        this.random = new SplittableRandom(seed);
        this.options = Map.copyOf(options);
        this.owner = Thread.currentThread();
    }

    void bootstrap(List<PeerAddress> peers) {
        this.bootstrap = List.copyOf(peers);
    }

    /** Calls the discovery, catching what it throws, and checks its neighbours afterwards. */
    void enter(String what, Runnable call) {
        if (!alive) {
            return;
        }
        inside = true;
        try {
            call.run();
            if (discovery != null) {
                Set<NodeId> neighbors = discovery.neighbors();
                if (!new LinkedHashSet<>(reportedUp).equals(neighbors == null ? Set.of() : Set.copyOf(neighbors))) {
                    network.violation(DiscoveryNetwork.Violation.NEIGHBOURS_OUT_OF_STEP, "node " + index
                            + " after " + what + ": neighbors() " + indices(neighbors) + " but reported up "
                            + indices(reportedUp));
                }
            }
        } catch (RuntimeException | Error e) {
            network.violation(DiscoveryNetwork.Violation.THREW, "node " + index + " threw from " + what + ": " + e);
        } finally {
            inside = false;
        }
    }

    private String indices(Set<NodeId> peers) {
        return peers == null ? "null" : peers.stream().map(network::describe).toList().toString();
    }

    private void acting(String what) {
        if (!inside || Thread.currentThread() != owner) {
            network.violation(DiscoveryNetwork.Violation.OUTSIDE_ITS_CALLS, "node " + index + " called " + what
                    + (inside ? " from thread " + Thread.currentThread().getName() : " outside its own calls"));
        }
    }

    @Override
    public NodeId localId() {
        return id;
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return List.of(address);
    }

    @Override
    public List<PeerAddress> bootstrap() {
        return bootstrap;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Map<String, String> options() {
        return options;
    }

    @Override
    public void send(NodeId peer, byte[] frame) {
        acting("send");
        network.transmit(this, peer, frame.clone());
    }

    @Override
    public void learnAddresses(PeerAddress peer) {
        acting("learnAddresses");
        if (network.addressMatches(peer)) {
            knownAddresses.add(peer.id());
        }
    }

    @Override
    public void validate(long ticket, NodeId from, byte[] payload) {
        acting("validate");
        byte[] copy = payload.clone();
        validations.add(new Validating(ticket, from, copy));
        ticketPayloads.put(ticket, copy);
        network.trace("validate " + index + " #" + Arrays.hashCode(copy));
        if (holdVerdicts) {
            held.add(ticket);
        } else {
            network.answerSoon(this, ticket, copy);
        }
    }

    @Override
    public void neighborUp(NodeId peer) {
        acting("neighborUp");
        network.trace("up " + index + " " + network.describe(peer));
        if (!reportedUp.add(peer)) {
            network.violation(DiscoveryNetwork.Violation.NEIGHBOURS_OUT_OF_STEP, "node " + index
                    + " reported " + network.describe(peer) + " up twice");
        }
    }

    @Override
    public void neighborDown(NodeId peer) {
        acting("neighborDown");
        network.trace("down " + index + " " + network.describe(peer));
        if (!reportedUp.remove(peer)) {
            network.violation(DiscoveryNetwork.Violation.NEIGHBOURS_OUT_OF_STEP, "node " + index
                    + " reported " + network.describe(peer) + " down without reporting it up");
        }
    }

    @Override
    public void rejected(NodeId from, String reason) {
        acting("rejected");
        rejections.add(reason);
    }

    /** Answers a validation, as the engine does later on its agent thread. */
    void answer(long ticket, Validation verdict, long now) {
        byte[] payload = ticketPayloads.get(ticket);
        enter("onValidated", () -> discovery.onValidated(ticket, verdict, now));
        if (payload != null && verdict == Validation.ACCEPT && alive) {
            delivered.add(payload);
        }
    }
}
