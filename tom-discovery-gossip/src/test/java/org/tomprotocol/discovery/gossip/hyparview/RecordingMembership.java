package org.tomprotocol.discovery.gossip.hyparview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.discovery.gossip.wire.MembershipFrame;

/** Records what a {@link HyParView} does. */
final class RecordingMembership implements MembershipEffects {
    record Sent(NodeId to, MembershipFrame frame) {
    }

    final List<Sent> sent = new ArrayList<>();
    final List<PeerAddress> learned = new ArrayList<>();
    final List<NodeId> ups = new ArrayList<>();
    final List<NodeId> downs = new ArrayList<>();
    final List<String> rejections = new ArrayList<>();

    static NodeId node(int n) {
        byte[] key = new byte[NodeId.LENGTH];
        Arrays.fill(key, (byte) n);
        return NodeId.of(key);
    }

    static List<TransportAddress> addressesOf(int n) {
        return List.of(new TransportAddress("mem", "node-" + n));
    }

    static PeerAddress peer(int n) {
        return new PeerAddress(node(n), addressesOf(n));
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return addressesOf(0);
    }

    @Override
    public void send(NodeId peer, MembershipFrame frame) {
        sent.add(new Sent(peer, frame));
    }

    @Override
    public void learned(PeerAddress peer) {
        learned.add(peer);
    }

    @Override
    public void neighborUp(NodeId peer) {
        ups.add(peer);
    }

    @Override
    public void neighborDown(NodeId peer) {
        downs.add(peer);
    }

    @Override
    public void rejected(NodeId from, String reason) {
        rejections.add(reason);
    }

    <T extends MembershipFrame> List<T> sentOfType(Class<T> type) {
        return sent.stream().filter(s -> type.isInstance(s.frame())).map(s -> type.cast(s.frame())).toList();
    }

    <T extends MembershipFrame> List<NodeId> recipientsOf(Class<T> type) {
        return sent.stream().filter(s -> type.isInstance(s.frame())).map(Sent::to).toList();
    }

    void clear() {
        sent.clear();
        learned.clear();
        ups.clear();
        downs.clear();
        rejections.clear();
    }
}
