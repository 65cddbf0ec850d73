package org.example.tom.staticpeers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.tom.staticpeers.RecordingContext.addressOf;
import static org.example.tom.staticpeers.RecordingContext.node;
import static org.example.tom.staticpeers.RecordingContext.peer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.spi.discovery.Validation;

/**
 * The state machine alone, driven with explicit times through a recording context: whom it greets and when, whom
 * it takes as neighbours, what it asks the node to judge, and how far hostile neighbours can push it.
 */
class StaticPeersDiscoveryTest {
    private static final NodeId SELF = node(1);
    private static final long INTERVAL = StaticPeersSettings.DEFAULT_REDIAL_INTERVAL_MILLIS;

    private RecordingContext context;

    private StaticPeersDiscovery discovery(List<PeerAddress> filePeers, Map<String, String> options) {
        context = new RecordingContext(SELF, List.of(), options);
        return new StaticPeersDiscovery(context, StaticPeersSettings.from(options), filePeers);
    }

    private static byte[] hello(boolean answerWanted, int n) {
        return Frames.hello(answerWanted, List.of(addressOf(n)));
    }

    @Test
    void theListedPeersAreToldToTheTransportsThenGreetedAtStart() {
        StaticPeersDiscovery discovery = discovery(List.of(peer(2), peer(3)), Map.of());

        discovery.start(0);

        assertThat(context.learned).containsExactly(peer(2), peer(3));
        assertThat(context.sent).extracting(RecordingContext.Sent::to).containsExactly(node(2), node(3));
        assertThat(context.sentTo(node(2))).singleElement().isInstanceOfSatisfying(Frames.Hello.class,
                hello -> assertThat(hello.answerWanted()).as("asks for an answer").isTrue());
    }

    @Test
    void aListedPeerThatNeverAnswersIsGreetedAgainOncePerRedialInterval() {
        StaticPeersDiscovery discovery = discovery(List.of(peer(2)), Map.of());
        discovery.start(0);

        for (long now = discovery.onTimer(0); now <= 10 * INTERVAL; ) {
            long next = discovery.onTimer(now);
            assertThat(next).as("the timer asks for a later call").isGreaterThan(now);
            now = next;
        }

        assertThat(context.greetingsTo(node(2))).as("at start, then every %d ms for %d ms", INTERVAL, 10 * INTERVAL)
                .isEqualTo(11);
    }

    @Test
    void aListedPeerThatAnswersBecomesANeighbourAndIsNoLongerRedialled() {
        StaticPeersDiscovery discovery = discovery(List.of(peer(2)), Map.of());
        discovery.start(0);

        discovery.onFrame(node(2), hello(false, 2), 10);

        assertThat(context.up).containsExactly(node(2));
        assertThat(discovery.neighbors()).containsExactly(node(2));
        assertThat(discovery.onTimer(20)).as("no timer left").isEqualTo(Long.MAX_VALUE);
        assertThat(context.greetingsTo(node(2))).isEqualTo(1);
    }

    @Test
    void aLostListedPeerIsReportedDownAndGreetedAgainAfterTheInterval() {
        StaticPeersDiscovery discovery = discovery(List.of(peer(2)), Map.of());
        discovery.start(0);
        discovery.onFrame(node(2), hello(false, 2), 10);

        discovery.onDisconnected(node(2), 1_000);

        assertThat(context.down).containsExactly(node(2));
        assertThat(discovery.neighbors()).isEmpty();
        assertThat(discovery.onTimer(1_001)).isEqualTo(1_000 + INTERVAL);
        discovery.onTimer(1_000 + INTERVAL);
        assertThat(context.greetingsTo(node(2))).isEqualTo(2);
    }

    @Test
    void aGreetingIsAnsweredOnlyWhenItAsksForAnAnswerSoTwoNodesNeverPingPong() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of());
        discovery.start(0);

        discovery.onFrame(node(2), hello(true, 2), 10);
        discovery.onFrame(node(3), hello(false, 3), 10);
        discovery.onFrame(node(2), hello(false, 2), 20);

        assertThat(context.greetingsTo(node(2))).as("one answer, itself asking for none").isEqualTo(1);
        assertThat(context.sentTo(node(2)).getFirst()).isEqualTo(new Frames.Hello(false, context.localAddresses()));
        assertThat(context.greetingsTo(node(3))).isZero();
        assertThat(discovery.neighbors()).containsExactlyInAnyOrder(node(2), node(3));
    }

    @Test
    void aNewNeighbourIsToldOfTheOthersAndTheyOfItSoTheGroupMeshes() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of());
        discovery.start(0);
        discovery.onFrame(node(2), hello(true, 2), 10);

        discovery.onFrame(node(3), hello(true, 3), 20);

        assertThat(context.sentTo(node(3))).contains(new Frames.Peers(List.of(peer(2))));
        assertThat(context.sentTo(node(2))).contains(new Frames.Peers(List.of(peer(3))));
    }

    @Test
    void aPeerHeardOfFromANeighbourIsToldToTheTransportsThenGreetedOnce() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of());
        discovery.start(0);
        discovery.onFrame(node(2), hello(true, 2), 10);

        discovery.onFrame(node(2), Frames.peers(List.of(peer(4))), 20);
        discovery.onFrame(node(2), Frames.peers(List.of(peer(4))), 30);

        assertThat(context.learned).containsExactly(peer(4));
        assertThat(context.greetingsTo(node(4))).isEqualTo(1);
    }

    @Test
    void aNeighbourAdvertisingThousandsOfPeersGetsAtMostMaxLearnedOfThemGreeted() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of(StaticPeersSettings.MAX_LEARNED_PEERS, "4"));
        discovery.start(0);
        discovery.onFrame(node(2), hello(true, 2), 10);

        for (int frame = 0; frame < 100; frame++) {
            List<PeerAddress> invented = new ArrayList<>();
            for (int i = 0; i < Frames.MAX_PEERS; i++) {
                invented.add(PeerAddress.of(invented(frame * Frames.MAX_PEERS + i), addressOf(200)));
            }
            discovery.onFrame(node(2), Frames.peers(invented), 20 + frame);
        }

        long greeted = context.sent.stream().filter(s -> s.frame() instanceof Frames.Hello)
                .filter(s -> !s.to().equals(node(2))).count();
        assertThat(greeted).as("3 200 peers advertised, max-learned-peers 4 (one slot is the advertiser's)")
                .isEqualTo(3);
        assertThat(context.learned).hasSize(3);
        assertThat(context.shed).contains("neighbor-limit");
        assertThat(context.rejected).as("the limit is this node's, not the neighbour's fault").isEmpty();
    }

    @Test
    void beyondMaxLearnedPeersStrangersAreNotTakenButListedPeersAlwaysAre() {
        StaticPeersDiscovery discovery = discovery(List.of(peer(9)), Map.of(StaticPeersSettings.MAX_LEARNED_PEERS, "2"));
        discovery.start(0);

        for (int n = 2; n <= 6; n++) {
            discovery.onFrame(node(n), hello(true, n), 10);
        }
        discovery.onFrame(node(9), hello(true, 9), 20);

        assertThat(discovery.neighbors()).containsExactlyInAnyOrder(node(2), node(3), node(9));
        assertThat(context.shed).containsExactly("neighbor-limit", "neighbor-limit", "neighbor-limit");
        assertThat(context.greetingsTo(node(5))).as("a refused stranger gets no answer").isZero();
    }

    @Test
    void aNeighbourFloodingPayloadsHoldsAtMostItsShareOfPendingValidations() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of());
        discovery.start(0);
        discovery.onFrame(node(2), hello(true, 2), 10);
        discovery.onFrame(node(3), hello(true, 3), 10);

        for (int i = 0; i < 1_000; i++) {
            discovery.onFrame(node(2), Frames.payload(payload("junk " + i)), 20);
        }
        discovery.onFrame(node(3), Frames.payload(payload("honest")), 21);

        assertThat(context.asked.stream().filter(a -> a.from().equals(node(2))).count())
                .isEqualTo(PendingValidations.PER_NEIGHBOUR);
        assertThat(context.asked.getLast().from()).as("another neighbour's payload is still judged").isEqualTo(node(3));
        assertThat(context.shed).hasSize(1_000 - PendingValidations.PER_NEIGHBOUR).containsOnly("validation-backlog");
    }

    @Test
    void anAcceptedPayloadGoesToEveryNeighbourButItsSenderAndOnlyThen() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of());
        discovery.start(0);
        for (int n = 2; n <= 4; n++) {
            discovery.onFrame(node(n), hello(true, n), 10);
        }
        byte[] payload = payload("announce");
        context.sent.clear();

        discovery.onFrame(node(2), Frames.payload(payload), 20);
        assertThat(context.sent).as("nothing travels before the verdict").isEmpty();
        discovery.onValidated(context.asked.getFirst().ticket(), Validation.ACCEPT, 30);

        assertThat(context.sent).extracting(RecordingContext.Sent::to).containsExactly(node(3), node(4));
        assertThat(context.sent).allSatisfy(s -> assertThat(((Frames.Payload) s.frame()).payload()).isEqualTo(payload));
    }

    @Test
    void aRejectedPayloadCountsAgainstItsSenderAndAnIgnoredOneDoesNot() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of());
        discovery.start(0);
        discovery.onFrame(node(2), hello(true, 2), 10);
        discovery.onFrame(node(3), hello(true, 3), 10);
        context.sent.clear();

        discovery.onFrame(node(2), Frames.payload(payload("forged")), 20);
        discovery.onFrame(node(3), Frames.payload(payload("stale")), 20);
        discovery.onValidated(context.asked.get(0).ticket(), Validation.REJECT, 30);
        discovery.onValidated(context.asked.get(1).ticket(), Validation.IGNORE, 30);

        assertThat(context.rejected).containsExactly("invalid-payload");
        assertThat(context.sent).as("neither travels").isEmpty();
    }

    @Test
    void eachPayloadIsJudgedOnceWhicheverNeighbourSendsIt() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of());
        discovery.start(0);
        discovery.onFrame(node(2), hello(true, 2), 10);
        discovery.onFrame(node(3), hello(true, 3), 10);

        discovery.onFrame(node(2), Frames.payload(payload("once")), 20);
        discovery.onFrame(node(3), Frames.payload(payload("once")), 25);

        assertThat(context.asked).hasSize(1);
    }

    @Test
    void peersFromANodeThatHasNotGreetedYetAreDroppedWithoutBlame() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of());
        discovery.start(0);

        discovery.onFrame(node(2), Frames.peers(List.of(peer(4))), 10);

        assertThat(context.learned).isEmpty();
        assertThat(context.shed).containsExactly("peers-before-hello");
        assertThat(context.rejected).isEmpty();
    }

    @Test
    void malformedFramesAreCountedByReasonAndNeverThrown() {
        StaticPeersDiscovery discovery = discovery(List.of(), Map.of());
        discovery.start(0);
        byte[] tooManyPeers = Frames.peers(List.of(peer(2)));
        tooManyPeers[2] = (byte) (Frames.MAX_PEERS + 1);
        byte[] oversize = Frames.payload(new byte[Frames.MAX_PAYLOAD_BYTES + 1]);

        discovery.onFrame(node(2), new byte[0], 10);
        discovery.onFrame(node(2), new byte[] {9, 1}, 10);
        discovery.onFrame(node(2), new byte[] {Frames.VERSION, 42}, 10);
        discovery.onFrame(node(2), tooManyPeers, 10);
        discovery.onFrame(node(2), oversize, 10);
        discovery.onFrame(node(2), java.util.Arrays.copyOf(hello(true, 2), 6), 10);

        assertThat(context.rejected).containsExactly("malformed-frame", "unknown-version", "unknown-frame-type",
                "too-many-peers", "oversize-payload", "malformed-frame");
        assertThat(discovery.neighbors()).isEmpty();
    }

    /** A node id no test uses otherwise, for peers made up by a hostile neighbour. */
    private static NodeId invented(int i) {
        byte[] key = new byte[NodeId.LENGTH];
        key[0] = (byte) 0xee;
        key[1] = (byte) (i >> 8);
        key[2] = (byte) i;
        return NodeId.of(key);
    }

    private static byte[] payload(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
