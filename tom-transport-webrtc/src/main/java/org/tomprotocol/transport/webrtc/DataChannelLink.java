package org.tomprotocol.transport.webrtc;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import org.tomprotocol.api.NodeId;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;

/**
 * One attempt at a DataChannel with one peer: its peer connection, its channel once there, and whether it is open.
 * libwebrtc calls it on its own threads; every callback only hands work to the transport's loop, and none lets an
 * exception escape (one that reached libwebrtc's thread could take the JVM down).
 */
final class DataChannelLink implements PeerConnectionObserver {
    static final String LABEL = "tom-v1";

    final NodeId peer;
    final String session;
    final boolean offerer;
    final RTCPeerConnection connection;
    /** Completes when the ICE candidates are gathered (or gathering gave up): the SDP is then complete. */
    final CompletableFuture<Void> gathered = new CompletableFuture<>();
    private final WebRtcTransport transport;
    private volatile RTCDataChannel channel;
    private volatile boolean open;
    ScheduledFuture<?> timeout;

    DataChannelLink(WebRtcTransport transport, PeerConnectionFactory factory, NodeId peer, String session,
                    boolean offerer) {
        this.transport = transport;
        this.peer = peer;
        this.session = session;
        this.offerer = offerer;
        // no ICE servers: host candidates only, the addresses the peers' own interfaces have
        this.connection = factory.createPeerConnection(new RTCConfiguration(), this);
    }

    boolean isOpen() {
        return open;
    }

    /** The offerer makes the channel; the answerer gets it in {@link #onDataChannel}. */
    void createChannel() {
        attach(connection.createDataChannel(LABEL, new dev.onvoid.webrtc.RTCDataChannelInit()));
    }

    /** Sends one message on the open channel (any thread). */
    void send(byte[] message) throws Exception {
        channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(message), true));
    }

    long bufferedAmount() {
        RTCDataChannel current = channel;
        return current == null ? 0 : current.getBufferedAmount();
    }

    void close() {
        open = false;
        RTCDataChannel current = channel;
        if (current != null) {
            current.unregisterObserver();
            current.close();
        }
        connection.close();
    }

    private void attach(RTCDataChannel created) {
        channel = created;
        created.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
            }

            @Override
            public void onStateChange() {
                guarded(() -> stateOf(created));
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                // libwebrtc's thread: the frame goes to the node from here, and nothing may escape back into it
                transport.guarded(() -> {
                    byte[] message = new byte[buffer.data.remaining()];
                    buffer.data.get(message);
                    if (buffer.binary) {
                        transport.onMessage(DataChannelLink.this, message);
                    }
                });
            }
        });
    }

    /** Acts on the channel's state (loop): it opens once, and may already be open when the answerer gets it. */
    private void stateOf(RTCDataChannel created) {
        RTCDataChannelState state = created.getState();
        if (state == RTCDataChannelState.OPEN && !open) {
            open = true;
            transport.onOpen(this);
        } else if (state == RTCDataChannelState.CLOSED) {
            transport.onClosed(this, "data channel closed");
        }
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        // gathered into the SDP before it is sent: nothing to trickle
    }

    @Override
    public void onIceGatheringChange(RTCIceGatheringState state) {
        if (state == RTCIceGatheringState.COMPLETE) {
            gathered.complete(null);
        }
    }

    @Override
    public void onDataChannel(RTCDataChannel dataChannel) {
        guarded(() -> {
            if (!offerer && DataChannelLink.LABEL.equals(dataChannel.getLabel())) {
                attach(dataChannel);
                stateOf(dataChannel);
            } else {
                dataChannel.close();
            }
        });
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
        if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED) {
            guarded(() -> transport.onClosed(this, "peer connection " + state.name().toLowerCase()));
        }
    }

    /** Runs a callback's work on the transport's loop; nothing it throws reaches libwebrtc. */
    private void guarded(Runnable work) {
        transport.guarded(() -> transport.onLoop(work));
    }
}
