package org.tomprotocol.testkit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportListener;
import org.tomprotocol.spi.transport.TransportProvider;

/** Node ids, a stand-in identity and transport contexts for tests; the mem transport needs no real crypto. */
final class TestNodes {
    static final int DEFAULT_MAX_FRAME = 64 * 1024;

    private TestNodes() {
    }

    /** A stand-in identity: the mem transport only reads its id. */
    record FakeIdentity(NodeId id) implements LocalIdentity {
        @Override
        public byte[] sign(byte[] message) {
            throw new UnsupportedOperationException("test identity cannot sign");
        }

        @Override
        public PrivateKey privateKey() {
            throw new UnsupportedOperationException("test identity has no key");
        }

        @Override
        public PublicKey publicKey() {
            throw new UnsupportedOperationException("test identity has no key");
        }
    }

    static NodeId node(int index) {
        byte[] key = new byte[NodeId.LENGTH];
        Arrays.fill(key, (byte) index);
        return NodeId.of(key);
    }

    static Transport bind(TransportProvider provider, NodeId id, TransportListener listener) throws TransportException {
        return bind(provider, id, DEFAULT_MAX_FRAME, List.of(), listener);
    }

    static Transport bind(TransportProvider provider, NodeId id, int maxFrameBytes, List<TransportAddress> listen,
                          TransportListener listener) throws TransportException {
        return provider.bind(new TransportContext(new FakeIdentity(id), null, listen, maxFrameBytes, Map.of(),
                listener));
    }
}
