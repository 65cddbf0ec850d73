package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportListener;

/**
 * Opens direct connections through NATs, from the node's one UDP socket (see {@link HolePunch} for one attempt).
 * Both peers, introduced by a relay, send {@link PunchProbe}s to each other's candidate addresses; each probe
 * that leaves opens the sender's NAT towards the other, and the first probe that arrives shows that the way
 * is open and where the peer's datagrams come from. Exactly one side dials — the one with the lower node id —
 * so the two sides never race two handshakes through the fresh mappings; its TLS handshake is pinned to the
 * expected node id, and the other side keeps the inbound connection because it comes from that peer.
 *
 * <p>Whoever triggers an attempt (a relay's introduction) chooses where its probes go, so the node's part is
 * bounded: at most {@code quic.max-punches} attempts at once, probes and blind dials within {@code
 * quic.punch-bytes-per-second} all together, a few probes per candidate, and unverified candidates only probed,
 * never dialled (see {@link HolePunch}).
 *
 * <p>It is also the socket's handler of raw (non-QUIC) datagrams: probes are taken here, anything else goes to
 * the handler set with {@link #otherDatagrams}. Event-loop confined, except that handler (set from any thread).
 */
final class HolePunching {
    private static final System.Logger LOG = System.getLogger(HolePunching.class.getName());

    private final NodeId localId;
    private final SharedUdpSocket socket;
    private final ConnectionRegistry peers;
    private final Dialer dialer;
    private final TransportListener listener;
    private final PunchTiming timing;
    private final LoopErrors errors;
    private final PunchBudget budget;
    private final Set<InetSocketAddress> ownAddresses;
    private final Map<NodeId, HolePunch> punches = new HashMap<>();
    // set from any thread and in effect at once: a datagram sent right after the call must find it
    private volatile BiConsumer<InetSocketAddress, ByteBuf> otherDatagrams;

    HolePunching(NodeId localId, SharedUdpSocket socket, ConnectionRegistry peers, Dialer dialer, TransportListener listener,
                 PunchTiming timing, LoopErrors errors) {
        this.localId = localId;
        this.socket = socket;
        this.peers = peers;
        this.dialer = dialer;
        this.listener = listener;
        this.timing = timing;
        this.errors = errors;
        this.budget = new PunchBudget(timing.bytesPerSecond());
        this.ownAddresses = Set.copyOf(QuicAddresses.reachableAddresses(socket.localAddress()));
    }

    /**
     * Punches towards {@code peer} at {@code candidates} (joining the attempt already running, if any).
     *
     * @return completes when a session with the peer is up, exceptionally when the attempt ends without one or
     *         cannot start ({@code quic.max-punches} attempts run already)
     */
    CompletableFuture<Void> punch(NodeId peer, List<InetSocketAddress> candidates) {
        HolePunch running = punches.get(peer);
        if (running != null) {
            running.addCandidates(candidates);
            return running.result().copy();
        }
        if (punches.size() >= timing.maxPunches()) {
            return CompletableFuture.failedFuture(new TransportException("no hole punching towards "
                    + peer.shortForm() + ": " + punches.size() + " attempts run already (" + PunchTiming.MAX_PUNCHES
                    + ")"));
        }
        PeerLink link = peers.link(peer);
        HolePunch punch = new HolePunch(this, link, localId.compareTo(peer) < 0, candidates);
        punches.put(peer, punch);
        punch.result().whenComplete((ignored, error) -> punches.remove(peer, punch));
        punch.start();
        return punch.result().copy();
    }

    /** Where non-probe raw datagrams go ({@code null}: dropped), from the next datagram on; any thread. */
    void otherDatagrams(BiConsumer<InetSocketAddress, ByteBuf> handler) {
        this.otherDatagrams = handler;
    }

    /** A raw datagram arrived on the socket (released by the caller). */
    void onDatagram(InetSocketAddress sender, ByteBuf datagram) {
        PunchProbe probe = PunchProbe.decode(datagram);
        if (probe == null) {
            BiConsumer<InetSocketAddress, ByteBuf> other = otherDatagrams;
            if (other != null) {
                other.accept(sender, datagram);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "dropped a non-QUIC datagram from {0}", sender);
            }
            return;
        }
        if (!probe.to().equals(localId)) {
            listener.onRejected(null, "probe-misdirected");
            return;
        }
        HolePunch punch = punches.get(probe.from());
        if (punch == null) {
            // the peer still probes after our attempt ended (its window is its own): nothing to answer
            LOG.log(System.Logger.Level.DEBUG, "probe from {0} at {1} outside an attempt", probe.from().shortForm(),
                    sender);
            return;
        }
        punch.probeReceived(sender);
    }

    /** Ends every attempt (the transport is closing). */
    void closeAll() {
        for (HolePunch punch : new ArrayList<>(punches.values())) {
            punch.abort("the quic transport is closed");
        }
    }

    // ---- what an attempt needs

    NodeId localId() {
        return localId;
    }

    /** Whether {@code address} is this node's own socket (a peer's loopback candidate on the same port). */
    boolean isOwnAddress(InetSocketAddress address) {
        return ownAddresses.contains(address) || address.equals(socket.localAddress());
    }

    PunchTiming timing() {
        return timing;
    }

    Dialer dialer() {
        return dialer;
    }

    LoopErrors errors() {
        return errors;
    }

    /** Attempts running now. */
    int running() {
        return punches.size();
    }

    /** Probes and blind dials not sent because the node's punch budget was spent. */
    long overBudget() {
        return budget.refused();
    }

    /** Whether the punch budget allows a blind dial now (it is then spent). */
    boolean mayDialBlindly() {
        return budget.take(PunchTiming.BLIND_DIAL_BYTES, System.nanoTime());
    }

    EventLoop loop() {
        return socket.eventLoop();
    }

    /** Sends a probe to {@code to} if the node's probe budget allows. */
    void sendProbe(NodeId peer, InetSocketAddress to) {
        if (!budget.take(PunchProbe.LENGTH, System.nanoTime())) {
            LOG.log(System.Logger.Level.DEBUG, "probe to {0} not sent: the punch budget is spent", to);
            return;
        }
        ByteBuf probe = new PunchProbe(localId, peer).encode(ByteBufAllocator.DEFAULT);
        socket.sendDatagram(to, probe).addListener(errors.guard("sending a probe", sent -> {
            if (!sent.isSuccess()) {
                LOG.log(System.Logger.Level.DEBUG, "probe to {0} not sent: {1}", to, sent.cause().toString());
            }
        }));
    }
}
