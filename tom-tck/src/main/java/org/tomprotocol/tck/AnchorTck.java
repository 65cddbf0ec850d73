package org.tomprotocol.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.anchor.Anchor;
import org.tomprotocol.spi.anchor.AnchorObservation;
import org.tomprotocol.spi.anchor.AnchorProvider;

/**
 * The contracts of {@link Anchor}, the observer of lock 3: it records what a node saw and never decides anything.
 * The engine calls it on its protocol thread, so it must never block; nothing it does may reach a protocol decision,
 * so it throws nothing and offers the engine nothing but {@code observe} and {@code close}. Extend it with a test
 * class that names the provider:
 *
 * <pre>{@code
 * class LedgerAnchorTckTest extends AnchorTck {
 *     protected AnchorProvider provider() { return new LedgerAnchorProvider(); }
 * }
 * }</pre>
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public abstract class AnchorTck extends ProviderTck<AnchorProvider> {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final int BURST = 20_000;

    private final List<Anchor> opened = new ArrayList<>();

    /** How long a burst of observations, or a close, may take at most. */
    protected Duration patience() {
        return Duration.ofSeconds(10);
    }

    @AfterEach
    public final void closeAnchors() {
        for (Anchor anchor : opened) {
            try {
                assertTimeoutPreemptively(patience(), anchor::close);
            } catch (Throwable e) {
                // the check that opened it has said what was wrong
            }
        }
    }

    @Test
    public void observeReturnsAtOnceEvenUnderALongBurst() {
        Anchor anchor = open(node(1));

        assertTimeoutPreemptively(patience(), () -> {
            for (int i = 0; i < BURST; i++) {
                anchor.observe(observation(i));
            }
        }, () -> BURST + " observations on the engine's thread must not take " + patience().toMillis()
                + " ms: observe must not block (buffer, drop and count, or write elsewhere)");
    }

    @Test
    public void observeThrowsNothingForAnyObservationEvenAfterClose() {
        Anchor anchor = open(node(2));
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("fact-" + i, "value " + i);
        }
        List<AnchorObservation> unusual = List.of(observation(0),
                new AnchorObservation("peer.online", node(3), AT, many),
                new AnchorObservation("message.délivré", node(4), Instant.EPOCH, Map.of("chemin", "relais → direct")),
                new AnchorObservation("x".repeat(10_000), node(5), Instant.MAX, Map.of("long", "y".repeat(10_000))));

        for (AnchorObservation observation : unusual) {
            assertDoesNotThrow(() -> anchor.observe(observation), () -> "observe threw on " + observation.kind());
        }
        assertDoesNotThrow(anchor::close, "close threw");
        assertDoesNotThrow(() -> anchor.observe(observation(1)), "an observation after close is ignored, not thrown");
    }

    @Test
    public void closeReturnsPromptlyAfterABurstAndASecondCloseDoesNothing() {
        Anchor anchor = open(node(6));
        for (int i = 0; i < 1_000; i++) {
            anchor.observe(observation(i));
        }

        assertTimeoutPreemptively(patience(), anchor::close, "close must return (flushing at most what it holds)");
        assertTimeoutPreemptively(patience(), anchor::close, "a second close does nothing");
    }

    @Test
    public void anAnchorOffersTheEngineNothingButObservation() throws Exception {
        Method open = underTest().getClass().getMethod("open", NodeId.class);
        assertEquals(Anchor.class, open.getReturnType(),
                "open must return exactly Anchor: a richer type would give the engine something to ask (lock 3)");
        Anchor anchor = open(node(7));

        Set<Class<?>> contracts = new LinkedHashSet<>();
        collectInterfaces(anchor.getClass(), contracts);
        contracts.removeIf(type -> !type.getName().startsWith("org.tomprotocol.") || type == Anchor.class);
        assertEquals(Set.of(), contracts, "the anchor must be nothing but an Anchor to the engine (lock 3)");
    }

    @Test
    public void eachNodeGetsAnAnchorOfItsOwn() {
        Anchor first = open(node(8));
        Anchor second = open(node(9));

        assertNotSame(first, second, "two nodes of one process must not share an anchor: closing one would close both");
    }

    private Anchor open(NodeId node) {
        Anchor anchor = underTest().open(node);
        assertNotNull(anchor, "open returned null");
        opened.add(anchor);
        return anchor;
    }

    private static void collectInterfaces(Class<?> type, Set<Class<?>> into) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> implemented : current.getInterfaces()) {
                if (into.add(implemented)) {
                    collectInterfaces(implemented, into);
                }
            }
        }
    }

    private static AnchorObservation observation(int n) {
        return new AnchorObservation(n % 2 == 0 ? "peer.online" : "peer.offline", node(n % 200), AT.plusMillis(n),
                Map.of("sequence", Integer.toString(n)));
    }

    private static NodeId node(int n) {
        byte[] key = new byte[NodeId.LENGTH];
        key[0] = (byte) n;
        key[1] = (byte) (n >> 8);
        key[31] = 1;
        return NodeId.of(key);
    }
}
