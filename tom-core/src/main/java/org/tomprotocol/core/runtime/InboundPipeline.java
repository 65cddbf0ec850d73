package org.tomprotocol.core.runtime;

import java.lang.System.Logger.Level;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.Stamp;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.core.engine.NodeEngine;

/**
 * Verifies envelope frames on the thread of the transport that received them — decode, strict signature
 * check, opening, and signing the acknowledgement ahead — and hands the survivors to the agent. Running
 * there rather than on the worker pool saves two thread hand-offs per message and acknowledgement (about
 * 75 µs each on a 2-core VM); the transport's own threads spread the work over the cores. When the agent's
 * bounded network queue is full, frames are dropped and counted, as a congested link would drop them.
 */
final class InboundPipeline {
    private static final System.Logger LOG = System.getLogger(InboundPipeline.class.getName());

    private final InboundVerifier verifier;
    private final NodeAgent agent;
    private final NodeEngine engine;
    private final Metrics metrics;
    private final NodeHealth health;
    private final PeerBudgets budgets;
    private final OwedStamps owed;

    InboundPipeline(InboundVerifier verifier, NodeAgent agent, NodeEngine engine, Metrics metrics, NodeHealth health,
                    PeerBudgets budgets, OwedStamps owed) {
        this.owed = owed;
        this.verifier = verifier;
        this.agent = agent;
        this.engine = engine;
        this.metrics = metrics;
        this.health = health;
        this.budgets = budgets;
    }

    /** The engine asked {@code origin} for stamps (see {@link OwedStamps#owe}); agent thread. */
    void owe(NodeId origin, int bits, long now, long until) {
        owed.owe(origin, bits, now, until);
    }

    void onEnvelopeFrame(NodeId hop, byte[] frame) {
        verify(hop, frame, java.util.OptionalLong.empty());
    }

    /** A stamped frame (wire spec §15): the stamp's 8 bytes, then an envelope frame. */
    void onStampedFrame(NodeId hop, byte[] frame) {
        if (frame.length <= Stamp.FRAME_PREFIX_BYTES) {
            metrics.increment("rejected.malformed-stamped-frame");
            budgets.charge(hop);
            return;
        }
        long nonce = java.nio.ByteBuffer.wrap(frame).getLong();
        verify(hop, java.util.Arrays.copyOfRange(frame, Stamp.FRAME_PREFIX_BYTES, frame.length),
                java.util.OptionalLong.of(nonce));
    }

    private void verify(NodeId hop, byte[] frame, java.util.OptionalLong stamp) {
        try {
            InboundVerifier.Result result = verifier.verify(hop, frame, stamp, agent.now());
            if (result.verified() == null) {
                metrics.increment("rejected." + result.rejectReason());
                budgets.charge(hop);
                LOG.log(Level.DEBUG, "rejected a frame from {0}: {1}", hop.shortForm(), result.rejectReason());
            } else if (!agent.offerNetwork(() -> engine.onVerified(result.verified(), stamp, agent.now()))) {
                metrics.increment("rejected.overload");
            }
        } catch (RuntimeException e) {
            metrics.increment("rejected.internal-error");
            LOG.log(Level.WARNING, "verifying a frame from " + hop.shortForm() + " failed", e);
        } catch (Error e) {
            health.fatal("inbound", e);
        }
    }
}
