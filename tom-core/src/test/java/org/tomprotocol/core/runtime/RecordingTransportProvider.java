package org.tomprotocol.core.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportProvider;

/**
 * A transport provider that records what the engine asks of the transport it wraps — addresses and punches — and
 * keeps the listener the node gave it.
 */
final class RecordingTransportProvider implements TransportProvider {
    /** One call: {@code connectDirect} or {@code addPeerAddresses}. */
    record Call(String method, NodeId peer, List<TransportAddress> addresses) {
    }

    private final TransportProvider delegate;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile org.tomprotocol.spi.transport.TransportListener listener;

    RecordingTransportProvider(TransportProvider delegate) {
        this.delegate = delegate;
    }

    List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String scheme() {
        return delegate.scheme();
    }

    @Override
    public Transport bind(TransportContext context) throws TransportException {
        listener = context.listener();
        Transport transport = delegate.bind(context);
        return new Transport() {
            @Override
            public List<TransportAddress> localAddresses() {
                return transport.localAddresses();
            }

            @Override
            public Set<TransportCapability> capabilities() {
                return transport.capabilities();
            }

            @Override
            public void addPeerAddresses(NodeId peer, Collection<TransportAddress> addresses) {
                calls.add(new Call("addPeerAddresses", peer, List.copyOf(addresses)));
                transport.addPeerAddresses(peer, addresses);
            }

            @Override
            public CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame) {
                return transport.send(peer, channel, frame);
            }

            @Override
            public CompletionStage<Void> connect(NodeId peer) {
                return transport.connect(peer);
            }

            @Override
            public CompletionStage<Void> connectDirect(NodeId peer, List<TransportAddress> candidates) {
                calls.add(new Call("connectDirect", peer, List.copyOf(candidates)));
                return transport.connectDirect(peer, candidates);
            }

            @Override
            public boolean isConnected(NodeId peer) {
                return transport.isConnected(peer);
            }

            @Override
            public Set<NodeId> connectedPeers() {
                return transport.connectedPeers();
            }

            @Override
            public void disconnect(NodeId peer) {
                transport.disconnect(peer);
            }

            @Override
            public void close() {
                transport.close();
            }
        };
    }
}
