package org.tomprotocol.transport.webrtc;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Signal;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

/**
 * DataChannels to peers, one per peer, each message {@code channel code ‖ frame}. Offers and answers travel as
 * {@link Signal}s the node carries, sealed and signed: the SDP's DTLS fingerprint thus binds the channel to the node
 * id that signed it. All state changes run on one thread (the loop); sending runs on the caller's.
 */
final class WebRtcTransport implements Transport {
    static final System.Logger LOG = System.getLogger(WebRtcTransport.class.getName());
    /** libwebrtc's largest DataChannel message (its SCTP default). */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** Past this much unsent data a channel takes no more: the node tries later or elsewhere. */
    static final long MAX_BUFFERED_BYTES = 8L * 1024 * 1024;
    private static final long GATHERING_LIMIT_MS = 2_000;

    private final TransportContext context;
    private final long setupTimeoutMillis;
    private final int maxChannels;
    private final HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(audio);
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().daemon().name("tom-webrtc").unstarted(runnable));
    /** Every attempt and channel, by peer: the loop's alone. */
    private final Map<NodeId, DataChannelLink> links = new HashMap<>();
    /** The open ones, for senders on any thread. */
    private final ConcurrentHashMap<NodeId, DataChannelLink> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<NodeId, CompletableFuture<Void>> connecting = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private WebRtcTransport(TransportContext context, long setupTimeoutMillis, int maxChannels) {
        this.context = context;
        this.setupTimeoutMillis = setupTimeoutMillis;
        this.maxChannels = maxChannels;
    }

    static WebRtcTransport start(TransportContext context, long setupTimeoutMillis, int maxChannels) {
        return new WebRtcTransport(context, setupTimeoutMillis, maxChannels);
    }

    void onLoop(Runnable work) {
        if (!closed) {
            loop.execute(() -> guarded(work));
        }
    }

    /**
     * Runs {@code work} so that nothing escapes to the thread it runs on (the loop, or libwebrtc's own, where an
     * exception could take the JVM down): an exception is logged, an {@link Error} goes to the node as fatal.
     */
    void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "WebRTC work failed", e);
        } catch (Error e) {
            try {
                context.listener().onFatalError(e);
            } catch (Throwable ignored) {
                // the node could not take it: nothing more can be done on this thread
            }
        }
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return List.of();
    }

    @Override
    public Set<TransportCapability> capabilities() {
        return Set.of(TransportCapability.SIGNALLED, TransportCapability.SECURE_LINK,
                TransportCapability.REACHES_BROWSERS);
    }

    @Override
    public void addPeerAddresses(NodeId peer, Collection<TransportAddress> addresses) {
        // candidates travel in the signed SDP, not as addresses
    }

    /** Sends on the open channel, or first sets one up (the offer goes out through the node). */
    @Override
    public CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame) {
        if (frame.length > context.maxFrameBytes()) {
            return CompletableFuture.failedFuture(new TransportException("a frame of " + frame.length
                    + " bytes exceeds " + context.maxFrameBytes()));
        }
        if (closed) {
            return CompletableFuture.failedFuture(new TransportException("the webrtc transport is closed"));
        }
        return open.containsKey(peer) ? write(peer, channel, frame)
                : connect(peer).thenCompose(ignored -> write(peer, channel, frame));
    }

    private CompletionStage<Void> write(NodeId peer, FrameChannel channel, byte[] frame) {
        DataChannelLink link = open.get(peer);
        if (link == null || closed) {
            return CompletableFuture.failedFuture(new TransportException("no DataChannel to " + peer.shortForm()));
        }
        if (frame.length + 1 > MAX_MESSAGE_BYTES) {
            return CompletableFuture.failedFuture(new TransportException("a frame of " + frame.length
                    + " bytes exceeds a DataChannel message (" + MAX_MESSAGE_BYTES + ")"));
        }
        if (link.bufferedAmount() + frame.length > MAX_BUFFERED_BYTES) {
            return CompletableFuture.failedFuture(new TransportException("the DataChannel to " + peer.shortForm()
                    + " has " + MAX_BUFFERED_BYTES + " bytes waiting"));
        }
        byte[] message = new byte[frame.length + 1];
        message[0] = (byte) channel.code();
        System.arraycopy(frame, 0, message, 1, frame.length);
        try {
            link.send(message);
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(new TransportException("DataChannel send failed", e));
        }
    }

    @Override
    public CompletionStage<Void> connect(NodeId peer) {
        if (open.containsKey(peer)) {
            return CompletableFuture.completedFuture(null);
        }
        if (closed) {
            return CompletableFuture.failedFuture(new TransportException("the webrtc transport is closed"));
        }
        CompletableFuture<Void> opened = connecting.computeIfAbsent(peer, ignored -> new CompletableFuture<>());
        onLoop(() -> offer(peer));
        return opened;
    }

    @Override
    public boolean isConnected(NodeId peer) {
        return open.containsKey(peer);
    }

    @Override
    public Set<NodeId> connectedPeers() {
        return Set.copyOf(open.keySet());
    }

    @Override
    public void disconnect(NodeId peer) {
        onLoop(() -> {
            DataChannelLink link = links.get(peer);
            if (link != null) {
                context.listener().sendSignal(peer, new Signal(link.session, Signal.Kind.CLOSE, "disconnected"));
                drop(link, "disconnected");
            }
        });
    }

    /** Signalling from {@code peer} (the node's agent thread): handled on the loop. */
    @Override
    public void onSignal(NodeId peer, Signal signal) {
        onLoop(() -> {
            DataChannelLink link = links.get(peer);
            switch (signal.kind()) {
                case OFFER -> answer(peer, signal, link);
                case ANSWER -> {
                    if (link != null && link.offerer && link.session.equals(signal.session())) {
                        link.connection.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER,
                                signal.body()), failingDrops(link, "answer refused"));
                    }
                }
                case CLOSE -> {
                    if (link != null && link.session.equals(signal.session())) {
                        drop(link, "closed by the peer");
                    }
                }
            }
        });
    }

    private void offer(NodeId peer) {
        if (links.containsKey(peer) || links.size() >= maxChannels) {
            return;
        }
        DataChannelLink link = track(new DataChannelLink(this, factory, peer, UUID.randomUUID().toString(), true));
        link.createChannel();
        link.connection.createOffer(new RTCOfferOptions(), describe(link, Signal.Kind.OFFER));
    }

    private void answer(NodeId peer, Signal offer, DataChannelLink existing) {
        if (existing != null) {
            // both sides offered at once: the offer of the smaller node id wins (§5.1)
            if (existing.offerer && !existing.isOpen() && context.identity().id().toHex().compareTo(peer.toHex()) < 0) {
                return;
            }
            // whoever connected keeps waiting: the channel of this answer is the one it gets
            drop(existing, "replaced by a new offer", false);
        }
        if (links.size() >= maxChannels) {
            LOG.log(Level.DEBUG, "ignoring an offer from {0}: {1} channels", peer.shortForm(), maxChannels);
            return;
        }
        DataChannelLink link = track(new DataChannelLink(this, factory, peer, offer.session(), false));
        link.connection.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, offer.body()),
                new SetSessionDescriptionObserver() {
                    @Override
                    public void onSuccess() {
                        onLoop(() -> link.connection.createAnswer(new RTCAnswerOptions(),
                                describe(link, Signal.Kind.ANSWER)));
                    }

                    @Override
                    public void onFailure(String error) {
                        onLoop(() -> drop(link, "offer refused: " + error));
                    }
                });
    }

    private DataChannelLink track(DataChannelLink link) {
        links.put(link.peer, link);
        link.timeout = loop.schedule(() -> {
            if (links.get(link.peer) == link && !link.isOpen()) {
                drop(link, "not open within " + setupTimeoutMillis + " ms");
            }
        }, setupTimeoutMillis, TimeUnit.MILLISECONDS);
        return link;
    }

    /** Sets the created offer or answer as local, waits for the candidates, then signals the whole SDP. */
    private CreateSessionDescriptionObserver describe(DataChannelLink link, Signal.Kind kind) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                onLoop(() -> link.connection.setLocalDescription(description, new SetSessionDescriptionObserver() {
                    @Override
                    public void onSuccess() {
                        link.gathered.completeOnTimeout(null, GATHERING_LIMIT_MS, TimeUnit.MILLISECONDS)
                                .thenRun(() -> onLoop(() -> {
                                    if (links.get(link.peer) == link) {
                                        context.listener().sendSignal(link.peer, new Signal(link.session, kind,
                                                link.connection.getLocalDescription().sdp));
                                    }
                                }));
                    }

                    @Override
                    public void onFailure(String error) {
                        onLoop(() -> drop(link, kind.wireName() + " not set: " + error));
                    }
                }));
            }

            @Override
            public void onFailure(String error) {
                onLoop(() -> drop(link, kind.wireName() + " not created: " + error));
            }
        };
    }

    private SetSessionDescriptionObserver failingDrops(DataChannelLink link, String what) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
            }

            @Override
            public void onFailure(String error) {
                onLoop(() -> drop(link, what + ": " + error));
            }
        };
    }

    /** The channel of {@code link} opened (loop). */
    void onOpen(DataChannelLink link) {
        if (links.get(link.peer) != link) {
            return;
        }
        link.timeout.cancel(false);
        open.put(link.peer, link);
        context.listener().onConnected(link.peer, new TransportAddress(WebRtcTransportProvider.SCHEME, link.peer.toHex()));
        CompletableFuture<Void> waiting = connecting.remove(link.peer);
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    /**
     * A message on the channel of {@code link} (libwebrtc's thread): one frame, after its channel code. It may come
     * before the loop has seen the channel open: it is taken all the same.
     */
    void onMessage(DataChannelLink link, byte[] message) {
        if (message.length == 0) {
            context.listener().onRejected(link.peer, "webrtc-empty-message");
            return;
        }
        if (message.length - 1 > context.maxFrameBytes()) {
            context.listener().onRejected(link.peer, "oversize-frame");
            return;
        }
        FrameChannel channel = FrameChannel.ofCode(message[0] & 0xff);
        if (channel == null) {
            context.listener().onRejected(link.peer, "webrtc-unknown-channel");
            return;
        }
        context.listener().onFrame(link.peer, channel, java.util.Arrays.copyOfRange(message, 1, message.length));
    }

    void onClosed(DataChannelLink link, String reason) {
        drop(link, reason);
    }

    private void drop(DataChannelLink link, String reason) {
        drop(link, reason, true);
    }

    private void drop(DataChannelLink link, String reason, boolean failWaiting) {
        if (!links.remove(link.peer, link)) {
            return;
        }
        if (link.timeout != null) {
            link.timeout.cancel(false);
        }
        boolean wasOpen = open.remove(link.peer, link);
        link.close();
        LOG.log(Level.DEBUG, "DataChannel to {0} ended: {1}", link.peer.shortForm(), reason);
        if (wasOpen) {
            context.listener().onDisconnected(link.peer, reason);
        }
        CompletableFuture<Void> waiting = failWaiting ? connecting.remove(link.peer) : null;
        if (waiting != null) {
            waiting.completeExceptionally(new TransportException("no DataChannel to " + link.peer.shortForm() + ": "
                    + reason));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            for (DataChannelLink link : List.copyOf(links.values())) {
                drop(link, "transport closed");
            }
            done.complete(null);
        });
        closed = true;
        done.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        loop.shutdown();
        factory.dispose();
        audio.dispose();
    }
}
