package org.tomprotocol.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.Api;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.spi.discovery.Validation;
import org.tomprotocol.tck.internal.DiscoveryNetwork;
import org.tomprotocol.tck.internal.DiscoveryNetwork.Violation;
import org.tomprotocol.tck.internal.HostileFrames;

/**
 * The contracts of {@link org.tomprotocol.spi.discovery.Discovery}, checked on a small simulated network of the
 * provider's instances driven with explicit times, the engine's part played as the engine plays it: a broadcast
 * reaches every node, each node is asked to validate a payload once, and nothing is stored, forwarded or announced
 * before its {@code ACCEPT}; hostile frames are counted, never thrown; neighbours reported up and down match
 * {@code neighbors()}; only peers whose address was told are contacted; a discovery acts only inside its own calls,
 * asks for its timers in the future, and runs the same way twice from one seed. Extend it with a test class that
 * names the provider:
 *
 * <pre>{@code
 * class MdnsDiscoveryTckTest extends DiscoveryTck {
 *     protected DiscoveryProvider provider() { return new MdnsDiscoveryProvider(); }
 * }
 * }</pre>
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public abstract class DiscoveryTck extends ConfigurableProviderTck<DiscoveryProvider> {
    /** Simulated time given to a network to form, and to a broadcast to spread. */
    private static final long SETTLE = 10_000;
    private static final long SPREAD = 10_000;
    /** How long the TCK holds a verdict: the discovery must remember its ticket at least this long. */
    private static final long HELD = 2_000;
    private static final Pattern COUNTER_WORD = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The node options every instance of the suite gets. */
    protected Map<String, String> options() {
        return Map.of();
    }

    @Override
    protected final void startWith(Map<String, String> given) {
        Map<String, String> merged = new HashMap<>(options());
        merged.putAll(given);
        DiscoveryNetwork.startOne(underTest(), merged);
    }

    @Test
    public void aBroadcastReachesEveryNodeOfAConnectedNetwork() {
        Settled net = settled(8, 1);
        byte[] payload = payload("reach");

        net.network.broadcast(net.last(), payload, SETTLE);
        net.network.runUntil(SETTLE + SPREAD);

        assertEquals(List.of(), net.nodesWithout(payload, net.last()), "nodes the broadcast never reached");
    }

    @Test
    public void aNodeIsAskedToValidateEachPayloadOnce() {
        Settled net = settled(8, 2);
        List<byte[]> payloads = List.of(payload("once-a"), payload("once-b"), payload("once-c"));
        List<NodeId> origins = List.of(net.last(), net.nodes.get(3), net.nodes.getFirst());

        for (int i = 0; i < payloads.size(); i++) {
            net.network.broadcast(origins.get(i), payloads.get(i), SETTLE + 100L * i);
        }
        net.network.runUntil(SETTLE + SPREAD);

        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            for (NodeId node : net.nodes) {
                long asked = net.network.validations(node, payloads.get(i));
                if (asked != (node.equals(origins.get(i)) ? 0 : 1)) {
                    wrong.add("node " + net.nodes.indexOf(node) + " asked " + asked + " times about payload " + i);
                }
            }
        }
        assertEquals(List.of(), wrong, "each node but the origin validates each payload exactly once");
    }

    @Test
    public void nothingTravelsBeforeItsAcceptNorAfterARefusal() {
        DiscoveryNetwork network = new DiscoveryNetwork(underTest(), options(), 3);
        List<NodeId> line = network.addNodes(3);
        NodeId a = line.get(0);
        NodeId b = line.get(1);
        NodeId c = line.get(2);
        network.linkOnly(a, b);
        network.linkOnly(b, c);
        network.start(b, List.of(), 0);
        network.start(a, List.of(b), 100);
        network.start(c, List.of(b), 200);
        network.runUntil(SETTLE);
        network.holdVerdicts(b, true);

        long t = SETTLE;
        for (Validation verdict : Validation.values()) {
            byte[] payload = payload("verdict-" + verdict);
            network.broadcast(a, payload, t);
            network.runUntil(t + HELD);
            assertEquals(1, network.validations(b, payload), "the payload reached the middle node");
            assertEquals(0, network.validations(c, payload), "before its verdict, the middle node neither stores, "
                    + "forwards, announces nor serves a payload");
            network.answerHeld(b, verdict);
            t += HELD + 3 * SPREAD;
            network.runUntil(t);
            assertEquals(verdict == Validation.ACCEPT ? 1 : 0, network.validations(c, payload),
                    () -> "after " + verdict + " at the middle node");
        }
    }

    @Test
    public void hostileFramesAreCountedNeverThrownAndTheNodeKeepsWorking() {
        Settled net = settled(5, 4);
        List<byte[]> ours = new ArrayList<>();
        net.network.judge((node, payload) -> ours.stream().anyMatch(p -> Arrays.equals(p, payload))
                ? Validation.ACCEPT : Validation.REJECT);
        NodeId target = net.nodes.get(1);
        NodeId neighbour = net.network.neighbors(target).stream().findFirst().orElse(net.nodes.getFirst());
        List<byte[]> genuine = net.network.framesTo(target).stream().map(DiscoveryNetwork.Sent::frame).toList();

        for (byte[] frame : HostileFrames.from(genuine, 4)) {
            net.network.inject(target, neighbour, frame);
            net.network.inject(target, net.network.stranger(), frame);
        }
        byte[] payload = payload("after-hostile-frames");
        ours.add(payload);
        net.network.broadcast(target, payload, SETTLE + 5_000);
        net.network.runUntil(SETTLE + 5_000 + 3 * SPREAD);

        assertEquals(List.of(), net.network.violations(Violation.THREW), "hostile input is ignored, never thrown");
        List<String> reasons = net.network.rejections(target);
        assertFalse(reasons.isEmpty(), "refused input is counted (DiscoveryContext.rejected)");
        assertTrue(reasons.stream().allMatch(reason -> reason != null && COUNTER_WORD.matcher(reason).matches()),
                () -> "reasons are counter names (lower-case words and hyphens): " + reasons);
        assertEquals(List.of(), net.nodesWithout(payload, target), "the node still broadcasts to every node");
    }

    @Test
    public void verdictsForUnknownOrAnsweredTicketsAreIgnored() {
        Settled net = settled(4, 5);
        for (NodeId node : net.nodes) {
            for (long ticket : new long[] {Long.MIN_VALUE, -1, 0, 1, 42, 1L << 40, Long.MAX_VALUE}) {
                for (Validation verdict : Validation.values()) {
                    net.network.answer(node, ticket, verdict);
                }
            }
        }
        byte[] payload = payload("tickets");
        net.network.broadcast(net.last(), payload, SETTLE);
        net.network.runUntil(SETTLE + SPREAD);

        for (NodeId node : net.nodes) {
            for (long ticket : net.network.tickets(node)) {
                net.network.answer(node, ticket, Validation.REJECT);
                net.network.answer(node, ticket, Validation.ACCEPT);
            }
        }
        net.network.runUntil(SETTLE + 2 * SPREAD);

        assertEquals(List.of(), net.network.violations(Violation.THREW), "a stray verdict is ignored, never thrown");
        assertEquals(List.of(), net.nodesWithout(payload, net.last()), "and changes nothing");
    }

    @Test
    public void neighboursReportedUpAndDownMatchNeighbors() {
        Settled net = settled(6, 6);
        NodeId lost = net.nodes.get(3);

        net.network.crash(lost, SETTLE);
        net.network.runUntil(SETTLE + 3 * SPREAD);

        assertEquals(List.of(), net.network.violations(Violation.NEIGHBOURS_OUT_OF_STEP));
        for (NodeId node : net.nodes) {
            if (!node.equals(lost)) {
                assertFalse(net.network.neighbors(node).contains(lost), "a lost neighbour is reported down");
                assertFalse(net.network.neighbors(node).isEmpty(), "a node keeps a neighbour when one is left");
            }
        }
    }

    @Test
    public void broadcastsStillReachEveryoneAfterANodeIsLost() {
        Settled net = settled(6, 7);
        net.network.crash(net.nodes.getFirst(), SETTLE);
        net.network.runUntil(SETTLE + 2 * SPREAD);
        byte[] payload = payload("after-a-loss");

        net.network.broadcast(net.last(), payload, SETTLE + 2 * SPREAD);
        net.network.runUntil(SETTLE + 3 * SPREAD);

        List<String> missing = net.nodesWithout(payload, net.last());
        missing.remove("0");
        assertEquals(List.of(), missing, "survivors the broadcast never reached, though the bootstrap node is gone");
    }

    @Test
    public void contactsOnlyPeersWhoseAddressItWasToldOrThatContactedIt() {
        Settled net = churned(8);

        assertEquals(List.of(), net.network.violations(Violation.UNKNOWN_ADDRESS),
                "call learnAddresses before the first contact with a peer heard of from others");
    }

    @Test
    public void actsOnlyInsideItsOwnCallsOnTheCallingThread() {
        Settled net = churned(8);

        assertEquals(List.of(), net.network.violations(Violation.OUTSIDE_ITS_CALLS),
                "a discovery is a state machine: no threads or timers of its own");
    }

    @Test
    public void timersAlwaysAskToBeCalledLater() {
        Settled net = churned(8);

        assertEquals(List.of(), net.network.violations(Violation.TIMER_NOT_IN_THE_FUTURE),
                "onTimer returns a time after now, or Long.MAX_VALUE");
    }

    @Test
    public void twoRunsFromTheSameSeedAreTheSame() {
        List<String> first = churned(8).network.trace();
        List<String> second = churned(8).network.trace();

        assertFalse(first.isEmpty(), "the nodes did something");
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            int at = i;
            assertEquals(first.get(i), second.get(i), () -> "the runs part at step " + at
                    + ": randomness must come from DiscoveryContext.random() only, time from the calls");
        }
        assertEquals(first.size(), second.size(), "the runs have the same length");
    }

    /** A network of {@code size} nodes that joined through the first one, given time to form. */
    private Settled settled(int size, long seed) {
        DiscoveryNetwork network = new DiscoveryNetwork(underTest(), options(), seed);
        List<NodeId> nodes = network.addNodes(size);
        network.start(nodes.getFirst(), List.of(), 0);
        for (int i = 1; i < size; i++) {
            network.start(nodes.get(i), List.of(nodes.getFirst()), 100L * i);
        }
        network.runUntil(SETTLE);
        return new Settled(network, nodes);
    }

    /** A settled network that saw a broadcast, a loss and another broadcast. */
    private Settled churned(int size) {
        Settled net = settled(size, 8);
        net.network.broadcast(net.last(), payload("churn-1"), SETTLE);
        net.network.crash(net.nodes.get(size / 2), SETTLE + SPREAD);
        net.network.broadcast(net.nodes.get(1), payload("churn-2"), SETTLE + 3 * SPREAD);
        net.network.runUntil(SETTLE + 4 * SPREAD);
        return net;
    }

    private static byte[] payload(String name) {
        byte[] payload = new byte[96];
        Arrays.fill(payload, (byte) '.');
        byte[] head = ("tck-broadcast-" + name).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, payload, 0, head.length);
        return payload;
    }

    /** A formed network and its nodes, in the order they joined. */
    private record Settled(DiscoveryNetwork network, List<NodeId> nodes) {
        NodeId last() {
            return nodes.getLast();
        }

        /** The indices of the nodes, {@code origin} apart, that did not take {@code payload} in. */
        List<String> nodesWithout(byte[] payload, NodeId origin) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                if (!nodes.get(i).equals(origin) && !network.delivered(nodes.get(i), payload)) {
                    missing.add(Integer.toString(i));
                }
            }
            return missing;
        }
    }
}
