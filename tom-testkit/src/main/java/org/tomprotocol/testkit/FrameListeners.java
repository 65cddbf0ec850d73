package org.tomprotocol.testkit;

import java.util.Objects;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.TransportListener;

/**
 * Transport listeners for tests and tools that bind a transport by hand and care only about the frames it
 * receives (a scripted peer, an observer), not about sessions coming and going.
 */
public final class FrameListeners {
    private FrameListeners() {
    }

    /** What to do with each frame. */
    @FunctionalInterface
    public interface FrameHandler {
        void onFrame(NodeId peer, FrameChannel channel, byte[] frame);
    }

    /** A listener that hands every frame to {@code frames} and ignores everything else. */
    public static TransportListener of(FrameHandler frames) {
        Objects.requireNonNull(frames, "frames");
        return new TransportListener() {
            @Override
            public void onFrame(NodeId peer, FrameChannel channel, byte[] frame) {
                frames.onFrame(peer, channel, frame);
            }

            @Override
            public void onConnected(NodeId peer, TransportAddress remote) {
            }

            @Override
            public void onDisconnected(NodeId peer, String reason) {
            }
        };
    }

    /** A listener that ignores everything. */
    public static TransportListener ignoring() {
        return of((peer, channel, frame) -> { });
    }
}
