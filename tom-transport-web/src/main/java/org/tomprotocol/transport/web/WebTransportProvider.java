package org.tomprotocol.transport.web;

import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportProvider;

/**
 * Provides the {@code ws} transport, a node's web endpoint for browser nodes. Its listen addresses are
 * {@code ws:host:port} (port 0 picks one); browsers connect to {@code ws://host:port/tom}. Its priority is below the
 * QUIC transport's: it reaches browsers only, and only those that connected.
 */
public final class WebTransportProvider implements TransportProvider {
    static final String ID = "web";
    static final String SCHEME = "ws";
    /** How long a socket may stay open without proving its key. */
    static final org.tomprotocol.api.OptionSpec PROOF_TIMEOUT = new org.tomprotocol.api.OptionSpec(
            "web.proof-timeout", org.tomprotocol.api.OptionSpec.Type.MILLISECONDS, "10000",
            "A browser socket that has not answered the endpoint's challenge within this time is closed.");
    /** How many sockets (answered or not) the endpoint keeps open at once. */
    static final org.tomprotocol.api.OptionSpec MAX_SOCKETS = new org.tomprotocol.api.OptionSpec(
            "web.max-sockets", org.tomprotocol.api.OptionSpec.Type.INTEGER, "1024",
            "Sockets the endpoint keeps open at once; one more is closed as soon as it opens.");

    /** Where the page the endpoint serves is (the image's web/ directory for tom node --web). */
    static final org.tomprotocol.api.OptionSpec PAGE_DIRECTORY = new org.tomprotocol.api.OptionSpec(
            "web.page-dir", org.tomprotocol.api.OptionSpec.Type.TEXT, "",
            "A directory of static files the endpoint serves at / (index.html) and below, read once at start "
                    + "(16 MiB at most); empty: a one-line page naming the node.");

    /** Whether the endpoint answers STUN binding requests on its UDP port (its browsers' reflexive candidates). */
    static final org.tomprotocol.api.OptionSpec STUN = new org.tomprotocol.api.OptionSpec(
            "web.stun", org.tomprotocol.api.OptionSpec.Type.BOOLEAN, "true",
            "Answer STUN binding requests on the endpoint's port number over UDP, so browsers learn their "
                    + "server-reflexive WebRTC candidates from this node instead of an outside STUN server.");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public java.util.List<org.tomprotocol.api.OptionSpec> options() {
        return java.util.List.of(PROOF_TIMEOUT, MAX_SOCKETS, PAGE_DIRECTORY, STUN);
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    /**
     * Starts an endpoint on each {@code ws:} listen address (none: nothing to bind, and the transport only refuses).
     *
     * @throws TransportException if an address is malformed or cannot be bound
     */
    @Override
    public Transport bind(TransportContext context) throws TransportException {
        return WebTransport.start(context);
    }
}
