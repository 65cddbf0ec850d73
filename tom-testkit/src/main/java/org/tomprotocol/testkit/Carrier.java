package org.tomprotocol.testkit;

import java.util.Random;
import java.util.function.Consumer;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.internal.DeferredActions;

/**
 * Moves frames and session control messages across a {@link MemoryNetwork}: samples each frame's fate from
 * the link model with the network's one seeded generator, schedules its arrival and decides at arrival
 * whether the receiver can take it.
 */
final class Carrier {
    private final MemoryNetwork network;
    private final Traffic traffic;
    private final Random random;

    Carrier(MemoryNetwork network, Traffic traffic, long seed) {
        this.network = network;
        this.traffic = traffic;
        this.random = new Random(seed);
    }

    /** Puts a data frame on the wire from an open {@code side}. Called under the network lock. */
    void transmit(Session.Side side, FrameChannel channel, byte[] frame, DeferredActions actions) {
        MemoryTransport from = side.owner;
        MemoryTransport to = side.peer();
        traffic.sent();
        if (network.separated(from.id(), to.id())) {
            traffic.dropped(network.nowMillis(), from.id(), to.id(), channel, frame.length, DropReason.PARTITION,
                    actions);
            return;
        }
        if (network.filtered(from.id(), to.id(), channel, frame)) {
            traffic.dropped(network.nowMillis(), from.id(), to.id(), channel, frame.length, DropReason.FILTERED,
                    actions);
            return;
        }
        LinkModel link = network.linkModel(from.id(), to.id());
        if (chance(link.lossProbability())) {
            traffic.dropped(network.nowMillis(), from.id(), to.id(), channel, frame.length, DropReason.LOSS,
                    actions);
            return;
        }
        boolean duplicate = chance(link.duplicateProbability());
        scheduleFrame(side, link, channel, frame);
        if (duplicate) {
            traffic.duplicated();
            scheduleFrame(side, link, channel, frame.clone());
        }
    }

    private void scheduleFrame(Session.Side side, LinkModel link, FrameChannel channel, byte[] frame) {
        long at = arrivalMillis(side, link, true);
        network.scheduleAt(at, () -> arrive(side, channel, frame));
    }

    private void arrive(Session.Side senderSide, FrameChannel channel, byte[] frame) {
        DeferredActions actions = new DeferredActions();
        synchronized (network.lock) {
            MemoryTransport to = senderSide.peer();
            NodeId from = senderSide.owner.id();
            DropReason reason = fate(senderSide, frame.length);
            if (reason == null) {
                traffic.delivered(network.nowMillis(), from, to.id(), channel, frame.length, actions);
                to.deliver(from, channel, frame, actions);
            } else {
                traffic.dropped(network.nowMillis(), from, to.id(), channel, frame.length, reason, actions);
                if (reason == DropReason.OVERSIZE) {
                    to.rejectOversize(from, frame.length, actions);
                }
            }
        }
        actions.run();
    }

    private DropReason fate(Session.Side senderSide, int length) {
        MemoryTransport to = senderSide.peer();
        if (to.crashed()) {
            return DropReason.CRASHED;
        }
        if (network.separated(senderSide.owner.id(), to.id())) {
            return DropReason.PARTITION;
        }
        if (to.closed()) {
            return DropReason.CLOSED;
        }
        if (!to.isCurrentOpen(senderSide.peerSide())) {
            return DropReason.NO_SESSION;
        }
        if (length > to.maxFrameBytes()) {
            return DropReason.OVERSIZE;
        }
        return null;
    }

    /**
     * Sends a session control message from {@code side} to its peer, in order with the side's frames and
     * never lost; {@code onArrival} runs under the lock if the peer is still reachable when it arrives.
     */
    void sendControl(Session.Side side, Consumer<DeferredActions> onArrival) {
        MemoryTransport from = side.owner;
        MemoryTransport to = side.peer();
        if (!network.reachable(from, to)) {
            return;
        }
        long at = arrivalMillis(side, network.linkModel(from.id(), to.id()), false);
        network.scheduleAt(at, () -> {
            DeferredActions actions = new DeferredActions();
            synchronized (network.lock) {
                if (network.reachable(from, to)) {
                    onArrival.accept(actions);
                }
            }
            actions.run();
        });
    }

    private long arrivalMillis(Session.Side side, LinkModel link, boolean mayReorder) {
        long jitter = link.jitterMillis() > 0 ? random.nextLong(link.jitterMillis() + 1) : 0;
        long inOrder = Math.max(network.nowMillis() + link.latencyMillis() + jitter, side.floorMillis);
        if (mayReorder && chance(link.reorderProbability())) {
            return inOrder + 1 + random.nextLong(link.reorderDelayMillis());
        }
        side.floorMillis = inOrder;
        return inOrder;
    }

    private boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }
}
