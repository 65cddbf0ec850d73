package org.tomprotocol.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomprotocol.tck.internal.Exchanges.bytes;
import static org.tomprotocol.tck.internal.Exchanges.describe;
import static org.tomprotocol.tck.internal.Exchanges.padded;
import static org.tomprotocol.tck.internal.Outcomes.eventually;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.transport.FrameChannel;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.transport.TransportProvider;
import org.tomprotocol.tck.internal.Exchanges;
import org.tomprotocol.tck.internal.TransportPeers;
import org.tomprotocol.tck.internal.TransportPeers.Peer;
import org.tomprotocol.tck.internal.TransportRecorder;

/**
 * The contracts of {@link Transport} the engine relies on, checked on real transports bound by the provider under
 * test and talking to each other on real time: framing and size limits, exactly-once delivery while a session is up
 * (in any order), identity pinning, reconnection, {@code disconnect}, {@code close}, {@code pause} and the threading
 * rules. Extend it with a test class that names the provider and, if its default will not do, where to listen:
 *
 * <pre>{@code
 * class PigeonTransportTckTest extends TransportTck {
 *     protected TransportProvider provider() { return new PigeonTransportProvider(); }
 *     protected List<TransportAddress> listenAddresses() { return List.of(TransportAddress.parse("pigeon:127.0.0.1:0")); }
 * }
 * }</pre>
 *
 * Identities come from the crypto suite found on the test class path (override {@link #crypto()} otherwise). A
 * transport whose sessions are set up by signalling ({@code TransportCapability.SIGNALLED}) gets its signals carried
 * to the peer's transport as a node would carry them, and need not have an address.
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public abstract class TransportTck extends ConfigurableProviderTck<TransportProvider> {
    private static final Pattern COUNTER_WORD = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private TransportPeers peers;
    private CryptoSuite suite;

    /** Where a transport listens; empty (the default) lets it choose, e.g. a free port. Must allow many at once. */
    protected List<TransportAddress> listenAddresses() {
        return List.of();
    }

    /** Where a transport restarted after {@code previous} closed listens: by default the first of its addresses. */
    protected List<TransportAddress> restartAddresses(Transport previous) {
        String scheme = underTest().scheme();
        return previous.localAddresses().stream().filter(a -> a.scheme().equals(scheme)).limit(1).toList();
    }

    /** The node options every transport of the suite is bound with, e.g. shorter timeouts. */
    protected Map<String, String> options() {
        return Map.of();
    }

    /** The crypto suite the identities come from: by default the best one on the class path. */
    protected CryptoSuite crypto() {
        return org.tomprotocol.tck.internal.CryptoSuites.best();
    }

    /** The {@code maxFrameBytes} transports are bound with. */
    protected int maxFrameBytes() {
        return 64 * 1024;
    }

    /** How long to wait for something the transport does asynchronously (real time). */
    protected Duration patience() {
        return Duration.ofSeconds(15);
    }

    /** A transport's options live under its scheme ({@code TransportContext}). */
    @Override
    protected String optionPrefix() {
        return underTest().scheme() + ".";
    }

    @Override
    protected final void startWith(Map<String, String> given) throws Exception {
        Map<String, String> merged = new java.util.HashMap<>(options());
        merged.putAll(given);
        try (TransportPeers alone = new TransportPeers(underTest(), suite(), merged)) {
            alone.open(suite().generateIdentity(), listenAddresses(), maxFrameBytes());
        }
    }

    @AfterEach
    public final void closeTransports() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    public void framesArriveWholeOnTheirChannelFromTheAuthenticatedSender() throws Exception {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        byte[] largest = padded("tck-largest", maxFrameBytes());

        succeeds(a.transport().send(b.id(), FrameChannel.ENVELOPE, bytes("tck-envelope")), "sending a frame");
        succeeds(a.transport().send(b.id(), FrameChannel.DISCOVERY, bytes("tck-discovery")), "sending a frame");
        succeeds(a.transport().send(b.id(), FrameChannel.STAMPED_ENVELOPE, bytes("tck-stamped")), "sending a frame");
        succeeds(a.transport().send(b.id(), FrameChannel.ENVELOPE, largest.clone()), "sending maxFrameBytes");

        eventually(patience(), "four frames at the receiver", () -> b.recorder().frames().size() >= 4);
        List<String> expected = Stream.of(describe(a.id(), FrameChannel.ENVELOPE, bytes("tck-envelope")),
                describe(a.id(), FrameChannel.DISCOVERY, bytes("tck-discovery")),
                describe(a.id(), FrameChannel.STAMPED_ENVELOPE, bytes("tck-stamped")),
                describe(a.id(), FrameChannel.ENVELOPE, largest)).sorted().toList();
        List<String> received = b.recorder().frames().stream()
                .map(f -> describe(f.peer(), f.channel(), f.bytes())).sorted().toList();
        assertEquals(expected, received, "each frame, whole, on its channel, from the sender's node id");
        eventually(patience(), "both sides report the session", () -> b.recorder().count("connected", a.id()) > 0
                && a.recorder().count("connected", b.id()) > 0);
    }

    @Test
    public void aFrameLargerThanMaxFrameBytesFailsAtSend() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);

        Throwable refused = fails(a.transport().send(b.id(), FrameChannel.ENVELOPE,
                padded("tck-oversize", maxFrameBytes() + 1)), "sending a frame one byte over maxFrameBytes");

        assertInstanceOf(TransportException.class, refused, "an oversize frame fails with a TransportException");
        succeeds(a.send(b, "tck-after"), "sending a frame after the oversize one");
        eventually(patience(), "the later frame at the receiver", () -> b.recorder().received(a.id(), "tck-after"));
        assertTrue(b.recorder().frames().stream().allMatch(f -> f.bytes().length <= maxFrameBytes()),
                "the oversize frame never reached the peer");
    }

    @Test
    public void aPeersOversizeFrameIsRefusedReportedAndLaterFramesStillArrive() throws Exception {
        int limit = maxFrameBytes();
        Peer a = bind(suite().generateIdentity(), listenAddresses(), limit * 4);
        Peer b = bind(suite().generateIdentity(), listenAddresses(), limit);
        a.knows(b);
        succeeds(a.transport().connect(b.id()), "connecting");

        settle(a.transport().send(b.id(), FrameChannel.ENVELOPE, padded("tck-too-big", limit + 1)),
                "sending a frame over the receiver's limit");

        eventually(patience(), "the receiver reports the refusal (onRejected)",
                () -> b.recorder().count("rejected", null) > 0);
        TransportRecorder.Event refusal = b.recorder().events("rejected", null).getFirst();
        assertEquals(a.id(), refusal.peer(), "the refusal names the authenticated sender");
        assertTrue(refusal.detail() != null && COUNTER_WORD.matcher(refusal.detail()).matches(),
                () -> "the reason is a counter name (lower-case words and hyphens), got '" + refusal.detail() + "'");
        succeeds(a.send(b, "tck-after"), "sending a frame after the refused one");
        eventually(patience(), "the later frame at the receiver", () -> b.recorder().received(a.id(), "tck-after"));
        assertTrue(b.recorder().frames().stream().allMatch(f -> f.bytes().length <= limit),
                "the receiver never handed an oversize frame to its listener");
    }

    @Test
    public void everyFrameSentWhileTheSessionIsUpArrivesExactlyOnceInAnyOrder() throws Exception {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        succeeds(a.transport().connect(b.id()), "connecting");
        eventually(patience(), "the session up at the peer", () -> b.recorder().count("connected", a.id()) > 0);

        Exchanges.exchangeConcurrently(a, b, 100, patience());

        assertEquals(0, a.recorder().count("disconnected", b.id()) + b.recorder().count("disconnected", a.id()),
                "the session stayed up");
    }

    @Test
    public void thePeerAnswersOverTheSessionTheDialerOpened() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        succeeds(a.send(b, "tck-hello"), "sending to a peer");
        eventually(patience(), "the frame at the peer", () -> b.recorder().received(a.id(), "tck-hello"));

        succeeds(b.send(a, "tck-reply"), "answering a dialer whose address the peer was never told");

        eventually(patience(), "the answer at the dialer", () -> a.recorder().received(b.id(), "tck-reply"));
        assertTrue(b.transport().isConnected(a.id()) && b.transport().connectedPeers().contains(a.id()),
                "the peer counts the dialer's session as its own");
    }

    @Test
    public void simultaneousDialsSettleOnOneSessionWithoutLosingFrames() throws Exception {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        b.knows(a);

        Exchanges.exchangeConcurrently(a, b, 50, patience());

        eventually(patience(), "one session up on each side", () -> a.transport().isConnected(b.id())
                && b.transport().isConnected(a.id()) && a.recorder().sessionsUp(b.id()) == 1 && b.recorder().sessionsUp(a.id()) == 1);
        assertEquals(List.of(), a.recorder().alternationViolations(), "session events alternate up, down, up");
        assertEquals(List.of(), b.recorder().alternationViolations(), "session events alternate up, down, up");
    }

    @Test
    public void aPeerAnsweringWithAnotherIdentityIsRefused() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        NodeId expected = suite().generateIdentity().id();
        a.transport().addPeerAddresses(expected, b.transport().localAddresses());

        Throwable refused = fails(a.transport().connect(expected), "connecting to a node at another node's address");
        CompletionStage<Void> misdirected = a.transport().send(expected, FrameChannel.ENVELOPE, bytes("tck-secret"));

        assertInstanceOf(TransportException.class, refused, "the refusal is a TransportException");
        succeeds(a.send(b, "tck-honest"), "sending to the node that really listens there");
        eventually(patience(), "the honest frame", () -> b.recorder().received(a.id(), "tck-honest"));
        a.transport().disconnect(expected);
        fails(misdirected, "a frame for the expected node, once it is disconnected");
        assertFalse(b.recorder().received(a.id(), "tck-secret"), "a frame for one node never reaches another");
        assertFalse(a.transport().isConnected(expected), "no session to a node that did not prove its identity");
        assertEquals(0, a.recorder().count("connected", expected), "no session reported for the expected node");
    }

    @Test
    public void aPeerIsReachedAgainAfterItRestartsAtTheSameAddress() throws Exception {
        Peer a = bind();
        LocalIdentity identity = suite().generateIdentity();
        Peer b = bind(identity, listenAddresses(), maxFrameBytes());
        a.knows(b);
        succeeds(a.send(b, "tck-before"), "sending before the restart");
        eventually(patience(), "the first frame", () -> b.recorder().received(a.id(), "tck-before"));
        List<TransportAddress> sameAddress = restartAddresses(b.transport());

        b.transport().close();
        Peer restarted = bind(identity, sameAddress, maxFrameBytes());

        assertTrue(Exchanges.resendUntilOneArrives(a, restarted, patience()),
                "no frame reached the restarted peer within " + patience().toMillis() + " ms");
        assertEquals(List.of(), a.recorder().alternationViolations(), "session events alternate up, down, up");
    }

    @Test
    public void disconnectEndsTheSessionOnBothSidesAndConnectWorksAgain() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        succeeds(a.transport().connect(b.id()), "connecting");
        eventually(patience(), "the session up at the peer", () -> b.recorder().count("connected", a.id()) > 0);

        a.transport().disconnect(b.id());

        eventually(patience(), "onDisconnected on the side that disconnected",
                () -> a.recorder().count("disconnected", b.id()) == 1 && !a.transport().isConnected(b.id()));
        eventually(patience(), "onDisconnected at the peer", () -> b.recorder().count("disconnected", a.id()) == 1
                && !b.transport().connectedPeers().contains(a.id()));
        succeeds(a.transport().connect(b.id()), "connecting again");
        succeeds(a.send(b, "tck-again"), "sending on the new session");
        eventually(patience(), "a frame on the new session", () -> b.recorder().received(a.id(), "tck-again"));
        assertEquals(List.of(), a.recorder().alternationViolations(), "session events alternate up, down, up");
        assertEquals(List.of(), b.recorder().alternationViolations(), "session events alternate up, down, up");
    }

    @Test
    public void closeEndsSessionsAtThePeerAndLaterCallsFail() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        succeeds(a.send(b, "tck-hello"), "sending");
        eventually(patience(), "the frame at the peer", () -> b.recorder().received(a.id(), "tck-hello"));

        a.transport().close();
        a.transport().close();

        eventually(patience(), "the peer learns the session ended", () -> b.recorder().count("disconnected", a.id()) > 0);
        assertInstanceOf(TransportException.class, fails(a.send(b, "tck-late"), "sending after close"));
        assertInstanceOf(TransportException.class, fails(a.transport().connect(b.id()),
                "connecting after close"));
    }

    @Test
    public void closeCompletesEverySendStillPending() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        List<CompletionStage<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(a.send(b, "tck-pending-" + i));
        }

        a.transport().close();

        for (CompletionStage<Void> stage : sent) {
            settle(stage, "a send made just before close completes, one way or the other");
        }
    }

    @Test
    public void sendingToAPeerWithNoKnownAddressFails() {
        Peer a = bind();
        NodeId stranger = suite().generateIdentity().id();

        assertInstanceOf(TransportException.class, fails(a.transport().send(stranger, FrameChannel.ENVELOPE,
                bytes("tck-nowhere")), "sending to a node of unknown address"));
        assertInstanceOf(TransportException.class, fails(a.transport().connect(stranger),
                "connecting to a node of unknown address"));
    }

    @Test
    public void callsFromInsideAListenerCallbackReturnAtOnce() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        b.recorder().onEveryFrame(frame -> {
            if (frame.text().equals("tck-ping")) {
                // what the engine does on a transport thread: ask, throttle, answer
                b.transport().isConnected(a.id());
                b.transport().connectedPeers();
                b.transport().pause(a.id(), Duration.ofMillis(1));
                b.transport().send(a.id(), FrameChannel.ENVELOPE, bytes("tck-pong"));
            }
        });

        succeeds(a.send(b, "tck-ping"), "sending");

        eventually(patience(), "the answer sent from inside the callback",
                () -> a.recorder().received(b.id(), "tck-pong"));
    }

    @Test
    public void aListenerThatThrowsDoesNotStopTheTransport() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        AtomicBoolean thrown = new AtomicBoolean();
        b.recorder().onEveryFrame(frame -> {
            if (thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("a listener bug, thrown on purpose by the TCK");
            }
        });

        succeeds(a.send(b, "tck-one"), "sending");
        succeeds(a.send(b, "tck-two"), "sending");

        eventually(patience(), "the frame after the one whose listener threw",
                () -> b.recorder().textsFrom(a.id()).size() == 1);
        assertEquals(List.of(), b.recorder().fatalErrors(), "an exception is not fatal");
    }

    @Test
    public void anErrorOnATransportThreadReachesOnFatalError() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        StackOverflowError error = new StackOverflowError("thrown on purpose by the TCK");
        b.recorder().onEveryFrame(frame -> {
            throw error;
        });

        a.send(b, "tck-boom");

        eventually(patience(), "the Error reported to onFatalError", () -> !b.recorder().fatalErrors().isEmpty());
        assertSame(error, b.recorder().fatalErrors().getFirst(), "the very Error thrown is reported");
    }

    @Test
    public void pauseDelaysAPeersFramesButNeverDropsThemOrTheSession() {
        Peer a = bind();
        Peer b = bind();
        a.knows(b);
        succeeds(a.transport().connect(b.id()), "connecting");
        eventually(patience(), "the session up at the peer", () -> b.recorder().count("connected", a.id()) > 0);

        b.transport().pause(a.id(), Duration.ofMillis(300));
        for (int i = 0; i < 5; i++) {
            a.send(b, "tck-paused-" + i);
        }

        eventually(patience(), "every frame sent during the pause", () -> b.recorder().textsFrom(a.id()).size() == 5);
        assertEquals(0, a.recorder().count("disconnected", b.id()) + b.recorder().count("disconnected", a.id()),
                "a pause is a cost, never a block: the session stays up");
    }

    @Test
    public void addressesAreOfTheProvidersSchemeAndForeignOnesAreIgnored() {
        Peer a = bind();
        Peer b = bind();
        String scheme = underTest().scheme();
        // a transport whose sessions are set up by signalling (WebRTC) is reached through the node, not at an address
        boolean signalled = b.transport().capabilities() != null
                && b.transport().capabilities().contains(org.tomprotocol.spi.transport.TransportCapability.SIGNALLED);
        assertTrue(signalled || !b.transport().localAddresses().isEmpty(), "a bound transport has an address");
        assertTrue(b.transport().localAddresses().stream().allMatch(address -> address.scheme().equals(scheme)),
                () -> "every local address is of scheme " + scheme + ": " + b.transport().localAddresses());
        assertTrue(b.transport().capabilities() != null, "capabilities() is never null");
        List<TransportAddress> mixed = new ArrayList<>();
        mixed.add(new TransportAddress("tckforeign", "nowhere-at-all"));
        mixed.addAll(b.transport().localAddresses());

        assertDoesNotThrow(() -> a.transport().addPeerAddresses(b.id(), mixed), "unknown schemes are ignored");

        succeeds(a.send(b, "tck-mixed"), "sending to a peer known by addresses of several schemes");
        eventually(patience(), "the frame at the peer", () -> b.recorder().received(a.id(), "tck-mixed"));
    }

    private void succeeds(CompletionStage<?> stage, String what) {
        org.tomprotocol.tck.internal.Outcomes.succeeds(stage, patience(), what);
    }

    private Throwable fails(CompletionStage<?> stage, String what) {
        return org.tomprotocol.tck.internal.Outcomes.fails(stage, patience(), what);
    }

    private void settle(CompletionStage<?> stage, String what) {
        org.tomprotocol.tck.internal.Outcomes.settle(stage, patience(), what);
    }

    private Peer bind() {
        return bind(suite().generateIdentity(), listenAddresses(), maxFrameBytes());
    }

    private Peer bind(LocalIdentity identity, List<TransportAddress> listen, int maxFrame) {
        if (peers == null) {
            peers = new TransportPeers(underTest(), suite(), options());
        }
        return peers.bind(identity, listen, maxFrame);
    }

    private CryptoSuite suite() {
        if (suite == null) {
            suite = crypto();
        }
        return suite;
    }
}
