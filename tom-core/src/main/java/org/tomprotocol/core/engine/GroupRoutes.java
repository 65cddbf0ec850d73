package org.tomprotocol.core.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.tomprotocol.api.GroupEvent;
import org.tomprotocol.api.GroupInfo;
import org.tomprotocol.api.GroupInvite;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.GroupFrame;

/**
 * How group frames leave the node: sealed and signed, direct when a session is up, else through a relay. Group frames
 * are not acknowledged hop by hop (the groups' own acknowledgements and resends make them reliable), so the relay is
 * chosen from what answers teach: the neighbour a member's own frames last came through leads back to it, and a relay
 * that carried frames to a node that has not answered for {@link #ANSWER_WAIT_MS} is passed over, so resends try
 * every relay in turn. Pure; agent thread only; both memories bounded.
 */
final class GroupRoutes implements GroupEffects {
    /** How long a relay may carry group frames to a node that does not answer before another is tried. */
    static final long ANSWER_WAIT_MS = 2_000;
    private static final int REMEMBERED = 1_024;

    /** A relay group frames to a node went through, since when, with no frame from that node since. */
    private record Tried(NodeId relay, long since) {
    }

    private final NodeId local;
    private final PeerTable peers;
    private final RelaySelector relays;
    private final EngineEffects effects;
    private final LongSupplier now;
    private final Map<NodeId, NodeId> returnHop = bounded();
    private final Map<NodeId, Tried> tried = bounded();

    GroupRoutes(NodeId local, PeerTable peers, RelaySelector relays, EngineEffects effects, LongSupplier now) {
        this.local = local;
        this.peers = peers;
        this.relays = relays;
        this.effects = effects;
        this.now = now;
    }

    private static <V> Map<NodeId, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<NodeId, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    /** A group frame signed by {@code from} came from the neighbour {@code hop}. */
    void heardFrom(NodeId from, NodeId hop) {
        tried.remove(from);
        if (hop.equals(from)) {
            returnHop.remove(from);
        } else {
            returnHop.put(from, hop);
        }
    }

    @Override
    public void sendGroupFrame(NodeId to, GroupFrame frame) {
        long at = now.getAsLong();
        Path path = to.equals(local) ? null : choose(to, at);
        if (path == null) {
            effects.count("group-frame-unroutable");
            return;
        }
        Tried last = tried.get(to);
        if (path.isDirect()) {
            tried.remove(to);
        } else if (last == null || !last.relay().equals(path.relays().get(0))) {
            tried.put(to, new Tried(path.relays().get(0), at));
        }
        effects.count("group-frames-sent");
        effects.sendSealed(frame.type(), to, path.relays(), frame.encode());
    }

    private Path choose(NodeId to, long at) {
        Tried last = tried.get(to);
        NodeId unanswered = last != null && at - last.since() >= ANSWER_WAIT_MS ? last.relay() : null;
        Path path = relays.choose(to, unanswered == null ? Collections.emptySet() : Set.of(unanswered), at);
        if (path == null && unanswered != null) {
            path = relays.choose(to, Collections.emptySet(), at);
        }
        NodeId back = returnHop.get(to);
        if (path != null && !path.isDirect() && back != null && !back.equals(unanswered)) {
            PeerRecord relay = peers.get(back);
            if (relay != null && relay.hasSession()) {
                path = Path.via(back);
            }
        }
        return path;
    }

    @Override
    public void groupEvent(GroupEvent event) {
        effects.groupEvent(event);
    }

    @Override
    public void groupsChanged(List<GroupInfo> groups, List<GroupInvite> invites) {
        effects.groupsChanged(groups, invites);
    }

    @Override
    public void keepGroup(org.tomprotocol.core.wire.GroupSnapshot snapshot) {
        effects.keepGroup(snapshot);
    }

    @Override
    public void forgetGroup(String group) {
        effects.forgetGroup(group);
    }

    @Override
    public void count(String counter) {
        effects.count(counter);
    }
}
