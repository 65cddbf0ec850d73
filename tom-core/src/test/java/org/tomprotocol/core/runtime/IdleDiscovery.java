package org.tomprotocol.core.runtime;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongUnaryOperator;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.Validation;

/** A discovery that does nothing but note when it started and run its timer as told; tests override what they need. */
class IdleDiscovery implements Discovery {
    private final AtomicReference<Long> startedAt;
    private final LongUnaryOperator timer;

    IdleDiscovery() {
        this(new AtomicReference<>());
    }

    IdleDiscovery(AtomicReference<Long> startedAt) {
        this(startedAt, now -> Long.MAX_VALUE);
    }

    IdleDiscovery(AtomicReference<Long> startedAt, LongUnaryOperator timer) {
        this.startedAt = startedAt;
        this.timer = timer;
    }

    @Override
    public void start(long nowMillis) {
        startedAt.set(nowMillis);
    }

    @Override
    public void join(Collection<PeerAddress> peers, long nowMillis) {
    }

    @Override
    public void onFrame(NodeId from, byte[] frame, long nowMillis) {
    }

    @Override
    public void onConnected(NodeId peer, long nowMillis) {
    }

    @Override
    public void onDisconnected(NodeId peer, long nowMillis) {
    }

    @Override
    public void onValidated(long ticket, Validation verdict, long nowMillis) {
    }

    @Override
    public void broadcast(byte[] payload, long nowMillis) {
    }

    @Override
    public long onTimer(long nowMillis) {
        return timer.applyAsLong(nowMillis);
    }

    @Override
    public Set<NodeId> neighbors() {
        return Set.of();
    }
}
