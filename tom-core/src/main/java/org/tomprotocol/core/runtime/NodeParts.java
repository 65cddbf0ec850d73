package org.tomprotocol.core.runtime;

import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.runtime.AgentHandle;
import org.tomprotocol.spi.runtime.EngineRuntime;
import org.tomprotocol.core.engine.NodeEngine;
import org.tomprotocol.core.engine.ProtocolConstants;
import org.tomprotocol.spi.crypto.CryptoSuite;

/** The assembled pieces of one running node, and how to take them down in order. */
record NodeParts(NodeId local, CryptoSuite crypto, EnvelopeSigner signer, NodeAgent agent, NodeEngine engine,
                 Links links, DiscoveryBridge discovery, Metrics metrics, EngineRuntime runtime,
                 ThreadedRuntime ownedRuntime, AgentHandle handle, AnchorObserver anchor, NodeHealth health,
                 DurableState durable, MessageIds ids) {
    private static final System.Logger LOG = System.getLogger(NodeParts.class.getName());

    /**
     * Hands the copies it holds for others to other nodes (and gives their frames a second), fails what is in flight
     * (a durable node keeps it in its outbox for its next start), closes transports and
     * the anchor on the agent thread, and the store after the last notification, then stops the agent. On
     * the node's own threads it waits (5 s at most); on a shared runtime it returns at once and the shutdown
     * runs when that runtime next drives the agent.
     */
    void shutdown(Runnable lastNotification) {
        CountDownLatch done = new CountDownLatch(2);
        agent.offerControl(() -> {
            // copies held for others go to other nodes first, and their frames get a moment to leave
            if (engine.leaving(agent.now()) > 0) {
                agent.at(agent.now() + ProtocolConstants.BACKUP_HAND_OVER_GRACE_MS, () -> stop(done, lastNotification));
            } else {
                stop(done, lastNotification);
            }
        });
        awaitStopped(done);
    }

    private void stop(CountDownLatch done, Runnable lastNotification) {
        engine.tracker().failAll(DeliveryFailedException.Reason.NODE_CLOSED, agent.now());
        // each group's latest state, written just before the store closes: a clean restart starts where it stopped
        long now = agent.now();
        java.util.Map<String, KeptGroups.Sealing> lastStates = new java.util.HashMap<>();
        if (durable.isDurable()) {
            engine.onGroups(now, groups -> groups.snapshots(now).forEach(snapshot -> lastStates.put(snapshot.group(),
                    KeptGroups.sealed(signer, local, snapshot))));
        }
        links.closeAll();
        anchor.close();
        // the last notification queues its own follow-ups (publishers completing): let it run before the
        // event thread stops taking tasks
        runtime.callbacks().execute(() -> {
            lastNotification.run();
            durable.groups().keepNow(lastStates, now);
            durable.close();
            done.countDown();
        });
        done.countDown();
        if (ownedRuntime == null) {
            handle.close();
            runtime.release();
        }
    }

    private void awaitStopped(CountDownLatch done) {
        if (ownedRuntime != null) {
            try {
                if (!done.await(5, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, "node {0} did not shut down within 5 s; stopping it anyway", local.shortForm());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handle.close();
            ownedRuntime.close();
        }
    }
}
