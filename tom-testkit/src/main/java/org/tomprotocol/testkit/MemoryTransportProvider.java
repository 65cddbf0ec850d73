package org.tomprotocol.testkit;

import java.util.Objects;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportProvider;

/**
 * Provides the {@code mem} transport: sessions and frames through a {@link MemoryNetwork}, for tests and
 * simulations. Its addresses are {@code mem:<name>}; a node listens on the {@code mem:} addresses it is
 * given, or on {@code mem:<node id hex>}. Capability: {@code IN_PROCESS} only.
 *
 * <p>Its priority is {@value #PRIORITY}, below any real transport, so adding the test kit to a class path
 * never makes it the preferred transport.
 */
public final class MemoryTransportProvider implements TransportProvider {
    /** The provider id. */
    public static final String ID = "mem";
    /** The address scheme. */
    public static final String SCHEME = "mem";
    /** The provider's priority. */
    public static final int PRIORITY = -100;

    private final MemoryNetwork network;

    /**
     * A provider bound to {@link MemoryNetwork#shared()} — real time, perfect links — so nodes in one JVM can
     * talk over {@code mem:}; the one the {@code tom-transport-mem} plugin registers.
     */
    public MemoryTransportProvider() {
        this(MemoryNetwork.shared());
    }

    MemoryTransportProvider(MemoryNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The address a node listens on when given none: {@code mem:<node id hex>}. */
    public static TransportAddress defaultAddress(NodeId node) {
        return new TransportAddress(SCHEME, Objects.requireNonNull(node, "node").toHex());
    }

    /** The network this provider binds transports to. */
    public MemoryNetwork network() {
        return network;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    /**
     * Binds a transport. Needs {@code context.identity()} (only its {@code id()} is used) and a positive
     * {@code maxFrameBytes}; {@code crypto} and {@code options} are ignored.
     *
     * @throws TransportException if the identity is missing, {@code maxFrameBytes} is not positive, or an
     *                            address is held by a running transport
     */
    @Override
    public Transport bind(TransportContext context) throws TransportException {
        return network.bind(context);
    }

    @Override
    public String toString() {
        return "mem transport provider";
    }
}
