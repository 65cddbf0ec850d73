package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.util.concurrent.Future;
import org.tomprotocol.api.NodeId;

/**
 * Opens connections to peers from the shared socket, and retries: when a round fails while frames still wait
 * for the peer, the next round starts after a backoff of 1 s doubling to 32 s (options), for as long as frames
 * wait; it stops when nothing waits or on {@code disconnect}. Event-loop confined.
 */
final class Dialer {
    /** Turns a completed outgoing handshake into an authenticated connection, or {@code null} if refused. */
    interface Registrar {
        PeerConnection attachOutbound(QuicChannel channel, NodeId expected);
    }

    private static final System.Logger LOG = System.getLogger(Dialer.class.getName());

    private final QuicOptions options;
    private final ChannelHandler connectionHandler;
    private final ChannelHandler streamHandler;
    private final Registrar registrar;
    private final LoopErrors errors;
    private SharedUdpSocket socket;

    Dialer(QuicOptions options, ChannelHandler connectionHandler, ChannelHandler streamHandler, Registrar registrar,
           LoopErrors errors) {
        this.options = options;
        this.connectionHandler = connectionHandler;
        this.streamHandler = streamHandler;
        this.registrar = registrar;
        this.errors = errors;
    }

    LoopErrors errors() {
        return errors;
    }

    /** Set once the socket is bound, before anything can dial. */
    void socket(SharedUdpSocket socket) {
        this.socket = socket;
    }

    /** Dials now, even if a retry was scheduled (e.g. new addresses, an explicit connect). */
    void dialNow(PeerLink link) {
        if (link.dial.round == null) {
            link.dial.cancelRetry();
            startRound(link);
        }
    }

    /** Dials unless a round is running or a backed-off retry is already scheduled. */
    void dialSoon(PeerLink link) {
        if (!link.dial.isActive()) {
            startRound(link);
        }
    }

    void cancelRetry(PeerLink link) {
        link.dial.cancelRetry();
        link.dial.resetBackoff();
    }

    /** Stops dialling the peer altogether. */
    void cancel(PeerLink link) {
        cancelRetry(link);
        if (link.dial.round != null) {
            link.dial.round.abandon();
            link.dial.round = null;
        }
    }

    private void startRound(PeerLink link) {
        List<InetSocketAddress> targets = link.dialTargets();
        if (targets.isEmpty()) {
            link.unreachable("no quic address known");
            return;
        }
        DialRound round = new DialRound(this, link, targets, socket.eventLoop());
        link.dial.round = round;
        round.start();
    }

    Future<QuicChannel> socketDial(InetSocketAddress target, NodeId expected) {
        return socket.dial(target, expected, connectionHandler, streamHandler, options.handshakeTimeoutMillis());
    }

    PeerConnection attach(QuicChannel channel, NodeId expected) {
        return registrar.attachOutbound(channel, expected);
    }

    void roundSucceeded(PeerLink link, DialRound round) {
        if (link.dial.round == round) {
            link.dial.round = null;
        }
        link.dial.resetBackoff();
    }

    void roundFailed(PeerLink link, DialRound round, String why) {
        if (link.dial.round != round) {
            return;
        }
        link.dial.round = null;
        LOG.log(System.Logger.Level.DEBUG, "dial to {0} failed: {1}", link.peer.shortForm(), why);
        link.dialRoundFailed(why);
        if (link.wantsConnection() && link.dial.retry == null) {
            long wait = link.dial.nextBackoff(options);
            link.dial.retry = socket.eventLoop().schedule(errors.guard("dial retry", () -> {
                link.dial.retry = null;
                if (link.wantsConnection() && link.dial.round == null) {
                    startRound(link);
                }
            }), wait, TimeUnit.MILLISECONDS);
        }
    }
}
