package org.tomprotocol.core.runtime;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.core.engine.NodeEngine;

/**
 * Takes envelope frames from transport threads, verifies them on the worker pool and hands the survivors
 * to the agent. Work waiting for a worker is bounded: beyond it frames are dropped and counted, as a
 * congested link would.
 */
final class InboundPipeline {
    private static final System.Logger LOG = System.getLogger(InboundPipeline.class.getName());
    private static final int MAX_PENDING = 16_384;

    private final InboundVerifier verifier;
    private final Executor workers;
    private final NodeAgent agent;
    private final NodeEngine engine;
    private final Metrics metrics;
    private final AtomicInteger pending = new AtomicInteger();

    InboundPipeline(InboundVerifier verifier, Executor workers, NodeAgent agent, NodeEngine engine, Metrics metrics) {
        this.verifier = verifier;
        this.workers = workers;
        this.agent = agent;
        this.engine = engine;
        this.metrics = metrics;
    }

    void onEnvelopeFrame(NodeId hop, byte[] frame) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            metrics.increment("rejected.overload");
            return;
        }
        workers.execute(() -> {
            try {
                InboundVerifier.Result result = verifier.verify(hop, frame);
                if (result.verified() == null) {
                    metrics.increment("rejected." + result.rejectReason());
                    LOG.log(Level.DEBUG, "rejected a frame from {0}: {1}", hop.shortForm(), result.rejectReason());
                } else if (!agent.offerNetwork(() -> engine.onVerified(result.verified(), agent.now()))) {
                    metrics.increment("rejected.overload");
                }
            } catch (RuntimeException e) {
                metrics.increment("rejected.internal-error");
                LOG.log(Level.WARNING, "verifying a frame from " + hop.shortForm() + " failed", e);
            } finally {
                pending.decrementAndGet();
            }
        });
    }
}
