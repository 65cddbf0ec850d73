package org.tomprotocol.transport.quic;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.quic.QuicChannel;

/**
 * One attempt to reach a peer at all its known addresses, happy-eyeballs style: the first address at once,
 * the next one {@value #STAGGER_MILLIS} ms later or as soon as one fails. The first handshake that completes
 * wins; later ones are closed. The round fails when every address failed. Event-loop confined.
 */
final class DialRound {
    private static final long STAGGER_MILLIS = 250;

    private final Dialer dialer;
    private final PeerLink link;
    private final List<InetSocketAddress> targets;
    private final EventLoop loop;
    private final List<String> failures = new ArrayList<>();
    private int launched;
    private boolean done;
    private ScheduledFuture<?> stagger;

    DialRound(Dialer dialer, PeerLink link, List<InetSocketAddress> targets, EventLoop loop) {
        this.dialer = dialer;
        this.link = link;
        this.targets = targets;
        this.loop = loop;
    }

    void start() {
        launchNext();
    }

    /** Stops launching; attempts still running are closed if they succeed. */
    void abandon() {
        done = true;
        cancelStagger();
    }

    private void launchNext() {
        cancelStagger();
        if (done || launched >= targets.size()) {
            return;
        }
        InetSocketAddress target = targets.get(launched++);
        if (target.isUnresolved()) {
            resolveThenDial(target);
        } else {
            dial(target);
        }
        if (launched < targets.size()) {
            stagger = loop.schedule(dialer.errors().guard("dial stagger", this::launchNext), STAGGER_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void resolveThenDial(InetSocketAddress target) {
        // DNS blocks: never on the event loop.
        Thread.ofVirtual().name("tom-quic-resolve").start(() -> {
            try {
                InetAddress address = InetAddress.getByName(target.getHostString());
                loop.execute(dialer.errors().guard("dial", () -> dial(new InetSocketAddress(address, target.getPort()))));
            } catch (UnknownHostException e) {
                loop.execute(dialer.errors().guard("dial", () -> attemptFailed(target, "unknown host")));
            }
        });
    }

    private void dial(InetSocketAddress target) {
        if (done) {
            return;
        }
        dialer.socketDial(target, link.peer).addListener(dialer.errors().guard("dial", attempt -> {
            if (attempt.isSuccess()) {
                connected((QuicChannel) attempt.getNow(), target);
            } else {
                attemptFailed(target, String.valueOf(attempt.cause()));
            }
        }));
    }

    private void connected(QuicChannel channel, InetSocketAddress target) {
        if (done) {
            channel.close();
            return;
        }
        if (dialer.attach(channel, link.peer) == null) {
            attemptFailed(target, "peer failed authentication");
            return;
        }
        done = true;
        cancelStagger();
        dialer.roundSucceeded(link, this);
    }

    private void attemptFailed(InetSocketAddress target, String cause) {
        failures.add(target + ": " + cause);
        if (done) {
            return;
        }
        if (failures.size() >= targets.size()) {
            done = true;
            cancelStagger();
            dialer.roundFailed(link, this, String.join("; ", failures));
        } else {
            launchNext();
        }
    }

    private void cancelStagger() {
        if (stagger != null) {
            stagger.cancel(false);
            stagger = null;
        }
    }
}
