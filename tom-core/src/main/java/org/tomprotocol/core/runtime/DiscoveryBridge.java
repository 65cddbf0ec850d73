package org.tomprotocol.core.runtime;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.NodeEngine;
import org.tomprotocol.core.engine.ProtocolConstants;
import org.tomprotocol.core.wire.PeerAnnounce;
import org.tomprotocol.core.wire.PeerRole;
import org.tomprotocol.core.wire.WireException;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryContext;
import org.tomprotocol.spi.discovery.Validation;
import org.tomprotocol.spi.transport.FrameChannel;

/**
 * Hosts a discovery provider's state machine on the agent thread: gives it a way to send frames, passes the
 * addresses it finds to the transports, and spreads this node's signed announce through it every 10 s and
 * whenever a neighbour comes up. Received announces are verified on the worker pool, then judged by the
 * engine on the agent, and the verdict goes back to the discovery, which spreads only what was accepted.
 *
 * <p>Addresses the discovery learns are hearsay (unsigned lists from other nodes), so they reach the
 * transports, which need them to dial, but never the engine's peer table: that holds only peers learned from
 * an open session, a verified envelope or announce, or the application.
 */
final class DiscoveryBridge implements DiscoveryContext {
    private static final System.Logger LOG = System.getLogger(DiscoveryBridge.class.getName());

    private final NodeId local;
    private final NodeAgent agent;
    private final NodeEngine engine;
    private final Links links;
    private final EnvelopeSigner signer;
    private final Executor workers;
    private final Metrics metrics;
    private final List<PeerAddress> bootstrap;
    private final RandomGenerator random;
    private final Map<String, String> options;
    private final String username;
    private final PeerBudgets budgets;
    private Discovery discovery;
    private long nextAnnounce;
    private long nextTimer;

    DiscoveryBridge(NodeId local, NodeAgent agent, NodeEngine engine, Links links, EnvelopeSigner signer,
                    Executor workers, Metrics metrics, List<PeerAddress> bootstrap, RandomGenerator random,
                    Map<String, String> options, PeerBudgets budgets) {
        this.budgets = budgets;
        this.local = local;
        this.agent = agent;
        this.engine = engine;
        this.links = links;
        this.signer = signer;
        this.workers = workers;
        this.metrics = metrics;
        this.bootstrap = bootstrap;
        this.random = random;
        this.options = options;
        this.username = options.getOrDefault("node.name", "");
        this.wireProfiles = org.tomprotocol.core.registry.EngineOptions.writesCompact(options)
                ? List.of(org.tomprotocol.core.wire.WireProfile.COMPACT.token(),
                        org.tomprotocol.core.wire.Stamp.ANNOUNCE_TOKEN)
                : List.of(org.tomprotocol.core.wire.Stamp.ANNOUNCE_TOKEN);
    }

    /** What this node's announce says it reads besides the reference profile: compact, and stamped frames. */
    private final List<String> wireProfiles;

    /** Starts {@code created} on the agent thread and keeps driving its timers. */
    void start(Discovery created, long now) {
        this.discovery = created;
        discovery.start(now);
        nextAnnounce = now;
        // the first tick asks for the discovery's timers: a node whose peers are all down has no other event
        timersMayHaveChanged();
    }

    /** Agent tick: runs discovery timers and the periodic announce; returns when to tick next. */
    long tick(long now) {
        if (discovery == null) {
            return Long.MAX_VALUE;
        }
        if (now >= nextTimer) {
            nextTimer = discovery.onTimer(now);
        }
        if (now >= nextAnnounce) {
            nextAnnounce = now + ProtocolConstants.ANNOUNCE_INTERVAL_MS;
            announce(now);
        }
        return Math.min(nextTimer, nextAnnounce);
    }

    boolean active() {
        return discovery != null;
    }

    void onFrame(NodeId from, byte[] frame) {
        if (discovery != null) {
            discovery.onFrame(from, frame, agent.now());
            timersMayHaveChanged();
        }
    }

    void onConnected(NodeId peer, long now) {
        if (discovery != null) {
            discovery.onConnected(peer, now);
            timersMayHaveChanged();
        }
    }

    void onDisconnected(NodeId peer, long now) {
        if (discovery != null) {
            discovery.onDisconnected(peer, now);
            timersMayHaveChanged();
        }
    }

    void join(List<PeerAddress> peers, long now) {
        if (discovery != null) {
            discovery.join(peers, now);
            timersMayHaveChanged();
        }
    }

    private void broadcast(byte[] signed) {
        if (discovery != null) {
            discovery.broadcast(signed, agent.now());
            timersMayHaveChanged();
        }
    }

    /** A call into discovery may have set an earlier timer: ask it again at the next agent cycle. */
    private void timersMayHaveChanged() {
        nextTimer = 0;
        if (ticker != null) {
            ticker.runSoon();
        }
    }

    /** Announces at the next tick, e.g. because this node's addresses changed or a neighbour came up. */
    void announceSoon() {
        nextAnnounce = 0;
        if (ticker != null) {
            ticker.runSoon();
        }
    }

    private NodeAgent.Recurring ticker;

    /** The agent entry that runs {@link #tick}; made due whenever an announce is wanted sooner. */
    void ticker(NodeAgent.Recurring entry) {
        this.ticker = entry;
    }

    private void announce(long now) {
        PeerAnnounce unsigned = new PeerAnnounce(local, username, PeerRole.names(engine.roles()), now,
                links.localAddresses().stream().limit(PeerAnnounce.MAX_ADDRESSES).toList(), wireProfiles, new byte[0]);
        workers.execute(() -> {
            byte[] signed = signer.signAnnounce(unsigned);
            agent.offerControl(() -> broadcast(signed));
        });
    }

    @Override
    public NodeId localId() {
        return local;
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return links.localAddresses();
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
        links.send(peer, FrameChannel.DISCOVERY, frame).whenComplete((ignored, error) -> {
            if (error != null) {
                metrics.increment("discovery-send-failed");
            }
        });
    }

    @Override
    public void learnAddresses(PeerAddress peer) {
        if (!peer.id().equals(local)) {
            links.addAddresses(peer.id(), peer.addresses());
        }
    }

    /**
     * Decodes and verifies the announce on the worker pool; a malformed or forged one is rejected there, a
     * genuine one is judged by the engine on the agent ({@link NodeEngine#onAnnounce}). When the agent's
     * network queue is full the announce is ignored (counted as {@code rejected.overload}): it will come
     * again with the node's next announce. Verdicts travel on the control queue, which never refuses; they
     * are bounded by the discovery's pending validations.
     */
    @Override
    public void validate(long ticket, NodeId from, byte[] payload) {
        workers.execute(() -> {
            PeerAnnounce announce;
            try {
                announce = signer.verifyAnnounce(PeerAnnounce.decode(payload));
            } catch (WireException e) {
                metrics.increment("rejected.announce-" + e.reason());
                LOG.log(Level.DEBUG, "bad announce from {0}: {1}", from.shortForm(), e.getMessage());
                answerLater(ticket, Validation.REJECT);
                return;
            }
            if (announce == null) {
                metrics.increment("rejected.bad-announce-signature");
                LOG.log(Level.DEBUG, "forged announce from {0}", from.shortForm());
                answerLater(ticket, Validation.REJECT);
                return;
            }
            if (!agent.offerNetwork(() -> answer(ticket, engine.onAnnounce(announce, agent.now())))) {
                metrics.increment("rejected.overload");
                answerLater(ticket, Validation.IGNORE);
            }
        });
    }

    private void answerLater(long ticket, Validation verdict) {
        agent.offerControl(() -> answer(ticket, verdict));
    }

    /** Agent thread: hands the verdict to the discovery. */
    private void answer(long ticket, Validation verdict) {
        if (discovery != null) {
            discovery.onValidated(ticket, verdict, agent.now());
            timersMayHaveChanged();
        }
    }

    @Override
    public void neighborUp(NodeId peer) {
        announceSoon();
    }

    @Override
    public void neighborDown(NodeId peer) {
        metrics.increment("discovery-neighbor-down");
    }

    @Override
    public void rejected(NodeId from, String reason) {
        metrics.increment("rejected.discovery-" + reason);
        budgets.charge(from);
    }

    @Override
    public void shed(NodeId from, String reason) {
        metrics.increment("shed.discovery-" + reason);
    }
}
