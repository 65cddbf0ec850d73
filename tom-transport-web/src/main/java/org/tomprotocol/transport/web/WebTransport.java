package org.tomprotocol.transport.web;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportCapability;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The web endpoint: an HTTP server whose {@code /tom} path is a WebSocket for browser nodes (one session per
 * authenticated browser; a newer one from the same node replaces the older), and whose {@code /} says what it is.
 * It never dials: {@link #connect} succeeds only for a browser that is connected.
 */
final class WebTransport implements Transport {
    private static final System.Logger LOG = System.getLogger(WebTransport.class.getName());
    static final String PATH = "/tom";

    private final TransportContext context;
    private final EventLoopGroup loop;
    private final List<Channel> servers = new ArrayList<>();
    private final List<TransportAddress> addresses = new ArrayList<>();
    private final ConcurrentHashMap<NodeId, Channel> sessions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private final long proofTimeoutMillis;
    private final long maxSockets;
    private final PageFiles page;
    private final boolean stun;
    private final java.util.concurrent.atomic.AtomicInteger openSockets = new java.util.concurrent.atomic.AtomicInteger();

    private WebTransport(TransportContext context, long proofTimeoutMillis, long maxSockets, PageFiles page,
            boolean stun, boolean listening) {
        this.context = context;
        this.stun = stun;
        this.proofTimeoutMillis = proofTimeoutMillis;
        this.maxSockets = maxSockets;
        this.page = page;
        // a node without a ws: address has no endpoint: it costs no thread
        this.loop = listening ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : null;
    }

    static WebTransport start(TransportContext context) throws TransportException {
        List<TransportAddress> listen = context.listen().stream()
                .filter(address -> address.scheme().equals(WebTransportProvider.SCHEME)).toList();
        String pageDirectory = context.option(WebTransportProvider.PAGE_DIRECTORY.key(), "").strip();
        PageFiles page = pageDirectory.isEmpty() ? PageFiles.none()
                : PageFiles.read(java.nio.file.Path.of(pageDirectory), WebTransportProvider.PAGE_DIRECTORY.key());
        WebTransport transport = new WebTransport(context, positive(context, WebTransportProvider.PROOF_TIMEOUT),
                positive(context, WebTransportProvider.MAX_SOCKETS), page, bool(context, WebTransportProvider.STUN),
                !listen.isEmpty());
        try {
            for (TransportAddress address : listen) {
                transport.listen(hostAndPort(address));
            }
        } catch (TransportException | RuntimeException e) {
            transport.close();
            throw e instanceof TransportException t ? t : new TransportException(e.getMessage(), e);
        }
        return transport;
    }

    /** The value of a positive whole-number option, or a refusal naming it. */
    private static long positive(TransportContext context, org.tomprotocol.api.OptionSpec option)
            throws TransportException {
        String text = context.option(option.key(), option.defaultValue()).strip();
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the option
        }
        throw new TransportException(option.key() + " is '" + text + "': use a positive " + option.type().what());
    }

    /** The value of a true-or-false option, or a refusal naming it. */
    private static boolean bool(TransportContext context, org.tomprotocol.api.OptionSpec option)
            throws TransportException {
        String text = context.option(option.key(), option.defaultValue()).strip();
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new TransportException(option.key() + " is '" + text + "': use " + option.type().what());
        };
    }

    /** {@code ws:host:port}, {@code ws:[v6]:port}. */
    static InetSocketAddress hostAndPort(TransportAddress address) throws TransportException {
        String text = address.address();
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new TransportException("listen address " + address + " is not ws:host:port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new TransportException("listen address " + address + " has no port 0-65535");
        }
    }

    private void listen(InetSocketAddress address) throws TransportException {
        int maxMessage = context.maxFrameBytes() + 2;
        WebSocketServerProtocolConfig socket = WebSocketServerProtocolConfig.newBuilder().websocketPath(PATH)
                .maxFramePayloadLength(maxMessage).handleCloseFrames(true).build();
        ServerBootstrap bootstrap = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (openSockets.incrementAndGet() > maxSockets) {
                            openSockets.decrementAndGet();
                            LOG.log(Level.DEBUG, "closing a socket: {0} are open", maxSockets);
                            channel.close();
                            return;
                        }
                        channel.closeFuture().addListener(closed -> openSockets.decrementAndGet());
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new WebSocketServerProtocolHandler(socket), new EndpointPage(context.identity().id(), page),
                                new BrowserSession(WebTransport.this, context, proofTimeoutMillis));
                    }
                });
        try {
            Channel server = bootstrap.bind(address).sync().channel();
            servers.add(server);
            InetSocketAddress bound = (InetSocketAddress) server.localAddress();
            if (stun) {
                answerStun(bound);
            }
            String host = bound.getAddress().getHostAddress();
            addresses.add(new TransportAddress(WebTransportProvider.SCHEME,
                    (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while binding " + address);
        } catch (RuntimeException e) {
            throw new TransportException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** Answers STUN on the endpoint's port number over UDP; if that port is taken, the endpoint works without it. */
    private void answerStun(InetSocketAddress bound) {
        try {
            servers.add(new io.netty.bootstrap.Bootstrap().group(loop)
                    .channel(io.netty.channel.socket.nio.NioDatagramChannel.class).handler(new StunResponder())
                    .bind(bound).sync().channel());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "no STUN on UDP " + bound + " (" + e.getMessage() + "): browsers of this "
                    + "endpoint gather host candidates only");
        }
    }

    /** A browser proved its identity on {@code channel} (event loop). */
    void authenticated(NodeId browser, Channel channel) {
        Channel older = sessions.put(browser, channel);
        if (older != null && older != channel) {
            older.close();
        }
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        context.listener().onConnected(browser, new TransportAddress(WebTransportProvider.SCHEME,
                remote.getAddress().getHostAddress() + ":" + remote.getPort()));
    }

    /** The socket of {@code browser} closed (event loop). */
    void ended(NodeId browser, Channel channel, String reason) {
        if (sessions.remove(browser, channel)) {
            context.listener().onDisconnected(browser, reason);
        }
    }

    @Override
    public List<TransportAddress> localAddresses() {
        return List.copyOf(addresses);
    }

    @Override
    public Set<TransportCapability> capabilities() {
        return Set.of(TransportCapability.REACHES_BROWSERS);
    }

    @Override
    public void addPeerAddresses(NodeId peer, Collection<TransportAddress> peerAddresses) {
        // browsers are not dialled: their addresses are of no use here
    }

    @Override
    public CompletionStage<Void> send(NodeId peer, FrameChannel channel, byte[] frame) {
        if (frame.length > context.maxFrameBytes()) {
            return CompletableFuture.failedFuture(new TransportException(
                    "frame of " + frame.length + " bytes exceeds " + context.maxFrameBytes()));
        }
        Channel session = sessions.get(peer);
        if (closed || session == null) {
            return CompletableFuture.failedFuture(new TransportException("no browser session with " + peer.shortForm()));
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        session.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(BrowserHandshake.frame(channel.code(), frame))))
                .addListener(future -> {
                    if (future.isSuccess()) {
                        sent.complete(null);
                    } else {
                        sent.completeExceptionally(future.cause());
                    }
                });
        return sent;
    }

    @Override
    public CompletionStage<Void> connect(NodeId peer) {
        return sessions.containsKey(peer) && !closed ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new TransportException(
                        "a browser is reached only while it is connected, and " + peer.shortForm() + " is not"));
    }

    @Override
    public boolean isConnected(NodeId peer) {
        return !closed && sessions.containsKey(peer);
    }

    @Override
    public Set<NodeId> connectedPeers() {
        return closed ? Set.of() : Set.copyOf(sessions.keySet());
    }

    @Override
    public void disconnect(NodeId peer) {
        Channel session = sessions.get(peer);
        if (session != null) {
            session.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        sessions.values().forEach(Channel::close);
        servers.forEach(Channel::close);
        if (loop != null) {
            loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
        LOG.log(Level.DEBUG, "web endpoint closed");
    }
}
