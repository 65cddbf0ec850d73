package org.tomprotocol.testkit;

import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.testkit.internal.DeferredActions;

/** A network's counters and frame observers. Counters are guarded by the network's lock. */
final class Traffic {
    private static final System.Logger LOG = System.getLogger(MemoryNetwork.class.getName());

    private final List<Consumer<FrameEvent>> observers = new CopyOnWriteArrayList<>();
    private final EnumMap<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
    private long sent;
    private long delivered;
    private long duplicated;
    private long sessionsOpened;

    void addObserver(Consumer<FrameEvent> observer) {
        observers.add(observer);
    }

    void sent() {
        sent++;
    }

    void duplicated() {
        duplicated++;
    }

    void sessionOpened() {
        sessionsOpened++;
    }

    void delivered(long atMillis, NodeId from, NodeId to, FrameChannel channel, int bytes,
                   DeferredActions actions) {
        delivered++;
        notifyObservers(new FrameEvent(atMillis, from, to, channel, bytes, null), actions);
    }

    void dropped(long atMillis, NodeId from, NodeId to, FrameChannel channel, int bytes, DropReason reason,
                 DeferredActions actions) {
        dropped.merge(reason, 1L, Long::sum);
        if (LOG.isLoggable(System.Logger.Level.TRACE)) {
            LOG.log(System.Logger.Level.TRACE, "dropped {0} frame {1} -> {2} ({3} bytes): {4}", channel,
                    from.shortForm(), to.shortForm(), bytes, reason);
        }
        notifyObservers(new FrameEvent(atMillis, from, to, channel, bytes, reason), actions);
    }

    private void notifyObservers(FrameEvent event, DeferredActions actions) {
        for (Consumer<FrameEvent> observer : observers) {
            actions.add(() -> observer.accept(event));
        }
    }

    NetworkStats snapshot() {
        return new NetworkStats(sent, delivered, duplicated, dropped, sessionsOpened);
    }
}
