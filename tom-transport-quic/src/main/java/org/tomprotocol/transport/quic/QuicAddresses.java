package org.tomprotocol.transport.quic;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.netty.util.NetUtil;
import org.tomprotocol.api.TransportAddress;

/** Converts between {@code quic:} transport addresses ({@code host:port}, {@code [v6]:port}) and sockets. */
final class QuicAddresses {
    private static final System.Logger LOG = System.getLogger(QuicAddresses.class.getName());

    private QuicAddresses() {
    }

    /**
     * The socket address of a {@code quic:} address. IP literals are parsed without DNS; a host name gives an
     * unresolved address (resolved when dialled, off the event loop).
     *
     * @throws IllegalArgumentException naming what is wrong with {@code address}
     */
    static InetSocketAddress parse(TransportAddress address) {
        if (!QuicTransportProvider.SCHEME.equals(address.scheme())) {
            throw new IllegalArgumentException("'" + address + "' is not a quic: address");
        }
        String text = address.address().strip();
        if (text.startsWith("//")) {
            text = text.substring(2);
        }
        String host;
        String portText;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("quic address '" + text + "' must look like [ipv6]:port");
            }
            host = text.substring(1, close);
            portText = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || text.indexOf(':') != colon) {
                throw new IllegalArgumentException("quic address '" + text
                        + "' must look like host:port (IPv6 in brackets: [::1]:7400)");
            }
            host = text.substring(0, colon);
            portText = text.substring(colon + 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("quic address '" + text + "' has no valid port (0-65535)");
        }
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
        if (literal != null) {
            try {
                return new InetSocketAddress(InetAddress.getByAddress(literal), port);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("quic address '" + text + "' has a bad IP literal", e);
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("quic address '" + text + "' has no host");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** The {@code quic:} address of {@code socket}. */
    static TransportAddress format(InetSocketAddress socket) {
        InetAddress ip = socket.getAddress();
        String host;
        if (ip == null) {
            host = socket.getHostString();
        } else if (ip instanceof Inet6Address) {
            host = "[" + NetUtil.toAddressString(ip) + "]";
        } else {
            host = ip.getHostAddress();
        }
        return new TransportAddress(QuicTransportProvider.SCHEME, host + ":" + socket.getPort());
    }

    /**
     * Where a socket bound to {@code bound} can be reached: the address itself, or for a wildcard bind the
     * addresses of every interface that is up (link-local IPv6 left out: it needs a scope that peers lack),
     * routable ones first and loopback last, so peers on the same host still find the node.
     */
    static List<InetSocketAddress> reachableAddresses(InetSocketAddress bound) {
        InetAddress ip = bound.getAddress();
        if (ip != null && !ip.isAnyLocalAddress()) {
            return List.of(bound);
        }
        boolean ipv6 = ip instanceof Inet6Address;
        List<InetSocketAddress> routable = new ArrayList<>();
        List<InetSocketAddress> loopback = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    boolean v6 = address instanceof Inet6Address;
                    if ((v6 && !ipv6) || address.isLinkLocalAddress()) {
                        continue;
                    }
                    InetSocketAddress socket = new InetSocketAddress(stripScope(address), bound.getPort());
                    (address.isLoopbackAddress() ? loopback : routable).add(socket);
                }
            }
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot list network interfaces: {0}", e.toString());
        }
        routable.addAll(loopback);
        if (routable.isEmpty()) {
            routable.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.getPort()));
        }
        return List.copyOf(routable);
    }

    private static InetAddress stripScope(InetAddress address) {
        if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            try {
                return InetAddress.getByAddress(v6.getAddress());
            } catch (java.net.UnknownHostException e) {
                return address;
            }
        }
        return address;
    }
}
