package org.tomprotocol.core.runtime;

import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.core.engine.NodeEngine;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportListener;

/** Listens to one bound transport and routes what it reports to the node. Called on transport threads. */
final class TransportEvents implements TransportListener {
    private final NodeAgent agent;
    private final NodeEngine engine;
    private final Links links;
    private final InboundPipeline inbound;
    private final DiscoveryBridge discovery;
    private final Metrics metrics;
    private final NodeHealth health;
    private final PeerBudgets budgets;
    private volatile Transport transport;
    private volatile String component = "transport";

    TransportEvents(NodeAgent agent, NodeEngine engine, Links links, InboundPipeline inbound,
                    DiscoveryBridge discovery, Metrics metrics, NodeHealth health, PeerBudgets budgets) {
        this.agent = agent;
        this.engine = engine;
        this.links = links;
        this.inbound = inbound;
        this.discovery = discovery;
        this.metrics = metrics;
        this.health = health;
        this.budgets = budgets;
    }

    void bound(Transport bound, String providerId) {
        this.transport = bound;
        this.component = "transport " + providerId;
    }

    @Override
    public void sendSignal(NodeId peer, org.tomprotocol.spi.transport.Signal signal) {
        agent.offerControl(() -> engine.sendSignal(peer, signal, agent.now()));
    }

    @Override
    public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
        long admission = budgets.admit(peer);
        if (admission != PeerBudgets.ADMITTED) {
            Transport current = transport;
            if (admission > 0 && current != null) {
                current.pause(peer, java.time.Duration.ofMillis(admission));
            }
            return;
        }
        switch (channel) {
            case ENVELOPE -> inbound.onEnvelopeFrame(peer, frame);
            case STAMPED_ENVELOPE -> inbound.onStampedFrame(peer, frame);
            case DISCOVERY -> {
                if (!agent.offerNetwork(() -> discovery.onFrame(peer, frame))) {
                    metrics.increment("rejected.overload");
                }
            }
            case CONTROL -> metrics.increment("rejected.control-frame");
        }
    }

    @Override
    public void onConnected(NodeId peer, TransportAddress remote) {
        Transport current = transport;
        if (current != null) {
            links.sessionUp(peer, current);
        }
        agent.offerControl(() -> {
            long now = agent.now();
            engine.onSessionUp(peer, remote, now);
            agent.peersChanged();
            discovery.onConnected(peer, now);
        });
    }

    @Override
    public void onDisconnected(NodeId peer, String reason) {
        Transport current = transport;
        if (current != null) {
            links.sessionDown(peer, current);
        }
        agent.offerControl(() -> {
            long now = agent.now();
            if (!links.hasSession(peer)) {
                engine.onSessionDown(peer, now);
                agent.peersChanged();
            }
            discovery.onDisconnected(peer, now);
        });
    }

    @Override
    public void onLocalAddressesChanged(List<TransportAddress> addresses) {
        agent.offerControl(discovery::announceSoon);
    }

    @Override
    public void onRejected(NodeId peer, String reason) {
        metrics.increment("rejected." + reason);
        if (peer != null) {
            budgets.charge(peer);
        }
    }

    @Override
    public void onShed(NodeId peer, String reason) {
        metrics.increment("shed." + reason);
    }

    @Override
    public void onFatalError(Throwable error) {
        health.fatal(component, error);
    }
}
