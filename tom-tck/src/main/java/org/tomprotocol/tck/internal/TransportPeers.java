package org.tomprotocol.tck.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.opentest4j.AssertionFailedError;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportProvider;

/** Binds the transports of one check, each with a {@link TransportRecorder}, and closes them all afterwards. */
public final class TransportPeers implements AutoCloseable {
    /** A bound transport, its identity and what its listener heard. */
    public record Peer(LocalIdentity identity, Transport transport, TransportRecorder recorder) {
        /** The peer's node id. */
        public NodeId id() {
            return identity.id();
        }

        /** Tells this peer where {@code other} listens. */
        public void knows(Peer other) {
            transport.addPeerAddresses(other.id(), other.transport().localAddresses());
        }

        /** Sends {@code text} as a frame on the envelope channel. */
        public CompletionStage<Void> send(Peer to, String text) {
            return transport.send(to.id(), FrameChannel.ENVELOPE, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final TransportProvider provider;
    private final CryptoSuite crypto;
    private final Map<String, String> options;
    private final List<Peer> bound = new ArrayList<>();
    /** Carries signals one at a time, off the transport's thread, as a node's agent would. */
    private final java.util.concurrent.ExecutorService signalling = java.util.concurrent.Executors
            .newSingleThreadExecutor(runnable -> Thread.ofPlatform().daemon().name("tck-signalling").unstarted(runnable));

    public TransportPeers(TransportProvider provider, CryptoSuite crypto, Map<String, String> options) {
        this.provider = provider;
        this.crypto = crypto;
        this.options = Map.copyOf(options);
    }

    /** The crypto suite identities come from. */
    public CryptoSuite crypto() {
        return crypto;
    }

    /** Binds a transport for {@code identity} on {@code listen}; a provider that cannot bind fails the check. */
    public Peer bind(LocalIdentity identity, List<TransportAddress> listen, int maxFrameBytes) {
        try {
            return open(identity, listen, maxFrameBytes);
        } catch (TransportException e) {
            throw new AssertionFailedError("the provider could not bind a transport on " + listen + ": "
                    + e.getMessage(), e);
        }
    }

    /** Binds a transport for {@code identity} on {@code listen}, accepting frames up to {@code maxFrameBytes}. */
    public Peer open(LocalIdentity identity, List<TransportAddress> listen, int maxFrameBytes)
            throws TransportException {
        TransportRecorder recorder = new TransportRecorder();
        recorder.carrySignalsWith((to, signal) -> {
            try {
                signalling.execute(() -> deliverSignal(identity.id(), to, signal));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the check is over: nothing carries signals any more, as for a node that closed
            }
        });
        Transport transport = provider.bind(new TransportContext(identity, crypto, listen, maxFrameBytes, options,
                recorder));
        if (transport == null) {
            throw new AssertionFailedError("the provider's bind returned null");
        }
        Peer peer = new Peer(identity, transport, recorder);
        synchronized (bound) {
            bound.add(peer);
        }
        return peer;
    }

    /** Hands a signal to the latest transport bound for {@code to}, as the node would after sealing and relaying it. */
    private void deliverSignal(NodeId from, NodeId to, org.tomprotocol.spi.transport.Signal signal) {
        Peer target = null;
        synchronized (bound) {
            for (Peer peer : bound) {
                if (peer.id().equals(to)) {
                    target = peer;
                }
            }
        }
        if (target != null) {
            try {
                target.transport().onSignal(from, signal);
            } catch (RuntimeException e) {
                target.recorder().onFatalError(new AssertionFailedError("onSignal threw " + e, e));
            }
        }
    }

    /** Closes every transport bound, ignoring what a broken one throws. */
    @Override
    public void close() {
        List<Peer> peers;
        synchronized (bound) {
            peers = new ArrayList<>(bound);
            bound.clear();
        }
        signalling.shutdownNow();
        for (Peer peer : peers) {
            try {
                peer.transport().close();
            } catch (RuntimeException e) {
                System.getLogger(TransportPeers.class.getName()).log(System.Logger.Level.DEBUG,
                        "closing a transport failed: {0}", e.toString());
            }
        }
    }
}
