package org.tomprotocol.transport.quic;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicConnectionStats;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.util.AttributeKey;
import org.tomprotocol.api.NodeId;

/**
 * One authenticated QUIC connection to a peer, and the frames in flight on it. Several may exist for a peer
 * for a short while (simultaneous dials, a re-dial racing a dying connection); {@link PeerLink} picks one to
 * send on and retires the others. Event-loop confined.
 */
final class PeerConnection implements OutboundFrameWriter.Outcome {
    /** On a {@link QuicChannel}: its authenticated connection. */
    static final AttributeKey<PeerConnection> ATTRIBUTE = AttributeKey.valueOf(PeerConnection.class, "connection");
    /** Frames on their way per connection; more wait in the peer's queue (QUIC allows twice as many streams). */
    static final int MAX_IN_FLIGHT = SharedUdpSocket.MAX_PEER_STREAMS / 2;
    /**
     * Bytes on their way per connection (one frame always may be). Frames go one after the other (see
     * {@link OutboundFrameWriter}), so the peer holds little of them partly received at any time.
     */
    static final long MAX_IN_FLIGHT_BYTES = 2 * QuicLimits.MIN_DEFAULT_BUFFER_PER_CONNECTION;

    final QuicChannel channel;
    final NodeId peer;
    final BigInteger incarnation;
    final boolean dialledByUs;
    final long order;
    /** Where the peer's packets come from; changes when the peer migrates (e.g. its NAT rebinds). */
    InetSocketAddress remote;
    private final PeerLink link;
    private final long ackTimeoutNanos;
    private final Set<PendingFrame> inFlight = new LinkedHashSet<>();
    private int engineFramesInFlight;
    private long bytesInFlight;
    private String closeReason;
    private String peerCloseReason;
    private long lastActivityNanos = System.nanoTime();
    private long lastReceivedPackets = -1;
    private long lastReceiveChangeNanos;
    private boolean healthCheckRunning;
    private long pausedUntilNanos;
    private boolean resumeScheduled;

    boolean observedAddressSent;
    boolean retiring;
    boolean retireSent;
    boolean retireReceived;

    PeerConnection(QuicChannel channel, NodeId peer, BigInteger incarnation, boolean dialledByUs, long order,
                   PeerLink link, long ackTimeoutMillis) {
        this.channel = channel;
        this.peer = peer;
        this.incarnation = incarnation;
        this.dialledByUs = dialledByUs;
        this.order = order;
        this.remote = (InetSocketAddress) channel.remoteSocketAddress();
        this.link = link;
        this.ackTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(ackTimeoutMillis);
    }

    PeerLink link() {
        return link;
    }

    boolean isOpen() {
        return closeReason == null && channel.isActive();
    }

    boolean canOpenStream() {
        return isOpen() && inFlight.size() < MAX_IN_FLIGHT
                && (inFlight.isEmpty() || bytesInFlight < MAX_IN_FLIGHT_BYTES)
                && channel.peerAllowedStreams(QuicStreamType.BIDIRECTIONAL) > 0;
    }

    int engineFramesInFlight() {
        return engineFramesInFlight;
    }

    /** Opens a stream for {@code frame} and writes it; the outcome comes back through {@link PeerLink}. */
    void send(PendingFrame frame) {
        inFlight.add(frame);
        bytesInFlight += frame.payload.length;
        if (frame.isFromEngine()) {
            engineFramesInFlight++;
        }
        frame.sentAtNanos = System.nanoTime();
        lastActivityNanos = frame.sentAtNanos;
        channel.newStreamBootstrap()
                .type(QuicStreamType.BIDIRECTIONAL)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .handler(new OutboundFrameWriter(frame, this, link.errors()))
                .create()
                .addListener(link.errors().guard("opening a stream", created -> {
                    if (!created.isSuccess()) {
                        failed(frame, "cannot open a stream: " + created.cause());
                    }
                }));
    }

    void sendControl(ControlMessage message) {
        send(PendingFrame.control(message.encode()));
    }

    @Override
    public void acknowledged(PendingFrame frame) {
        if (forget(frame)) {
            lastActivityNanos = System.nanoTime();
            link.frameAcknowledged(this, frame);
        }
    }

    @Override
    public void refused(PendingFrame frame, String reason) {
        if (forget(frame)) {
            link.frameRefused(this, frame, reason);
        }
    }

    @Override
    public void failed(PendingFrame frame, String reason) {
        if (forget(frame)) {
            link.frameFailed(this, frame, reason);
        }
    }

    @Override
    public void deferred(PendingFrame frame, String reason) {
        if (forget(frame)) {
            link.frameDeferred(this, frame, reason);
        }
    }

    private boolean forget(PendingFrame frame) {
        if (!inFlight.remove(frame)) {
            return false; // already settled, e.g. requeued when the connection closed
        }
        bytesInFlight -= frame.payload.length;
        if (frame.isFromEngine()) {
            engineFramesInFlight--;
        }
        return true;
    }

    /** Removes and returns every frame still in flight, oldest first. */
    List<PendingFrame> drainInFlight() {
        List<PendingFrame> frames = new ArrayList<>(inFlight);
        inFlight.clear();
        engineFramesInFlight = 0;
        bytesInFlight = 0;
        return frames;
    }

    /**
     * Takes no new frame (stream) from the peer for {@code millis}: what it sends meanwhile waits inside QUIC,
     * whose stream and data credit then runs out, so the peer slows down. Frames already being read go on.
     */
    void pause(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        if (until <= pausedUntilNanos || !isOpen()) {
            return;
        }
        pausedUntilNanos = until;
        channel.config().setAutoRead(false);
        if (!resumeScheduled) {
            scheduleResume(until - System.nanoTime());
        }
    }

    private void scheduleResume(long delayNanos) {
        resumeScheduled = true;
        channel.eventLoop().schedule(() -> {
            long left = pausedUntilNanos - System.nanoTime();
            if (left > 0) {
                scheduleResume(left);
                return;
            }
            resumeScheduled = false;
            if (channel.isActive()) {
                channel.config().setAutoRead(true);
            }
        }, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Whether reading from the peer is paused now. */
    boolean isPaused() {
        return !channel.config().isAutoRead();
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    long idleNanos(long now) {
        return now - lastActivityNanos;
    }

    /**
     * Evicts a zombie: frames are waiting for acknowledgement yet no packet at all (not even a QUIC ACK) came
     * from the peer for the ack timeout — it restarted, lost its network, or a NAT dropped the mapping.
     */
    void checkHealth() {
        if (inFlight.isEmpty() || !isOpen() || healthCheckRunning) {
            return;
        }
        long oldestSent = inFlight.iterator().next().sentAtNanos;
        healthCheckRunning = true;
        channel.collectStats().addListener(link.errors().guard("checking a connection", done -> {
            healthCheckRunning = false;
            if (!done.isSuccess() || !isOpen()) {
                return;
            }
            long received = ((QuicConnectionStats) done.getNow()).recv();
            long now = System.nanoTime();
            if (received != lastReceivedPackets) {
                lastReceivedPackets = received;
                lastReceiveChangeNanos = now;
            } else if (!inFlight.isEmpty() && now - Math.max(lastReceiveChangeNanos, oldestSent) > ackTimeoutNanos) {
                link.evict(this, "no packet from the peer for "
                        + TimeUnit.NANOSECONDS.toMillis(now - Math.max(lastReceiveChangeNanos, oldestSent))
                        + " ms while frames await acknowledgement");
            }
        }));
    }

    /** Closes the connection (CONNECTION_CLOSE with {@code reason}); idempotent. */
    void close(String reason) {
        if (closeReason != null) {
            return;
        }
        closeReason = reason;
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        channel.close(true, StreamErrors.CONNECTION_CLOSED,
                Unpooled.wrappedBuffer(text, 0, Math.min(text.length, 100)));
    }

    void peerClosed(String reason) {
        peerCloseReason = reason;
    }

    /** Why the connection ended, as far as this side knows. */
    String endReason() {
        if (closeReason != null) {
            return closeReason;
        }
        if (peerCloseReason != null) {
            return "closed by peer: " + peerCloseReason;
        }
        return channel.isTimedOut() ? "idle timeout" : "connection closed";
    }

    @Override
    public String toString() {
        return "connection to " + peer.shortForm() + " at " + remote + (dialledByUs ? " (dialled)" : " (accepted)")
                + " #" + order;
    }
}
