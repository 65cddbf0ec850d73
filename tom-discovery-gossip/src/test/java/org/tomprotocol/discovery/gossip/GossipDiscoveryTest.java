package org.tomprotocol.discovery.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tomprotocol.discovery.gossip.FakeContext.address;
import static org.tomprotocol.discovery.gossip.FakeContext.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.spi.discovery.Validation;

class GossipDiscoveryTest {
    private final GossipDiscoveryProvider provider = new GossipDiscoveryProvider();

    /**
     * Hands every frame each side sent to the other until both are quiet, accepting every payload, running
     * timers at {@code now}.
     */
    private static void pump(Discovery a, FakeContext ca, Discovery b, FakeContext cb, long now) {
        for (int rounds = 0; rounds < 100 && !(ca.sent.isEmpty() && cb.sent.isEmpty()
                && ca.validating.isEmpty() && cb.validating.isEmpty()); rounds++) {
            ca.answerAll(a, Validation.ACCEPT, now);
            cb.answerAll(b, Validation.ACCEPT, now);
            List<FakeContext.Sent> fromA = new ArrayList<>(ca.sent);
            List<FakeContext.Sent> fromB = new ArrayList<>(cb.sent);
            ca.sent.clear();
            cb.sent.clear();
            fromA.stream().filter(s -> s.to().equals(cb.id)).forEach(s -> b.onFrame(ca.id, s.frame(), now));
            fromB.stream().filter(s -> s.to().equals(ca.id)).forEach(s -> a.onFrame(cb.id, s.frame(), now));
            a.onTimer(now);
            b.onTimer(now);
        }
    }

    @Test
    void theProviderIsFoundByServiceLoaderUnderItsId() {
        assertThat(ServiceLoader.load(DiscoveryProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(found -> {
                    assertThat(found).isInstanceOf(GossipDiscoveryProvider.class);
                    assertThat(found.id()).isEqualTo("gossip");
                    assertThat(found.availability().available()).isTrue();
                });
    }

    @Test
    void twoNodesBecomeNeighboursLearnEachOtherAndShareBroadcastsOnce() {
        FakeContext ca = new FakeContext(1, List.of(PeerAddress.of(node(2), address(2))), Map.of());
        FakeContext cb = new FakeContext(2, List.of(), Map.of());
        Discovery a = provider.create(ca);
        Discovery b = provider.create(cb);
        b.start(0);
        a.start(0);
        pump(a, ca, b, cb, 10);

        assertThat(a.neighbors()).containsExactly(cb.id);
        assertThat(b.neighbors()).containsExactly(ca.id);
        assertThat(ca.ups).containsExactly(cb.id);
        assertThat(cb.ups).containsExactly(ca.id);
        assertThat(ca.learned).contains(PeerAddress.of(node(2), address(2)));
        assertThat(cb.learned).as("the join carried the joiner's own address").contains(PeerAddress.of(node(1),
                address(1)));

        byte[] payload = "signed announce".getBytes(StandardCharsets.UTF_8);
        a.broadcast(payload, 20);
        a.broadcast(payload, 21);
        pump(a, ca, b, cb, 30);

        assertThat(cb.delivered).singleElement().isEqualTo(payload);
        assertThat(ca.delivered).isEmpty();
        assertThat(ca.rejections).isEmpty();
        assertThat(cb.rejections).isEmpty();
    }

    @Test
    void malformedAndHostileFramesAreCountedAndNeverThrow() {
        FakeContext context = new FakeContext(1, List.of(), Map.of());
        Discovery discovery = provider.create(context);
        discovery.start(0);

        discovery.onFrame(node(2), new byte[] {1, 99}, 1);
        discovery.onFrame(node(2), new byte[] {1}, 1);
        discovery.onFrame(context.id, new byte[] {1, 9}, 1);
        assertThat(context.sheddings).as("a frame of a newer version is not held against its sender")
                .containsExactly("unknown-type");
        assertThat(context.rejections).containsExactly("truncated", "from-self");

        SplittableRandom random = new SplittableRandom(5);
        assertThatCode(() -> {
            for (int i = 0; i < 20_000; i++) {
                byte[] garbage = new byte[random.nextInt(80)];
                random.nextBytes(garbage);
                if (garbage.length > 1) {
                    garbage[0] = 1;
                    garbage[1] = (byte) (1 + random.nextInt(19));
                }
                discovery.onFrame(node(2 + random.nextInt(5)), garbage, 2 + i);
                discovery.onTimer(2 + i);
            }
        }).doesNotThrowAnyException();
        assertThat(context.rejections).hasSizeGreaterThan(3);
        assertThat(context.sheddings).doesNotContain("internal-error");
    }

    @Test
    void optionsTuneTheProtocol() {
        FakeContext context = new FakeContext(1, List.of(), Map.of("gossip.active-view", "1"));
        Discovery discovery = provider.create(context);
        discovery.start(0);

        for (int peer = 2; peer <= 4; peer++) {
            FakeContext other = new FakeContext(peer, List.of(), Map.of());
            Discovery otherDiscovery = provider.create(other);
            otherDiscovery.start(0);
            otherDiscovery.join(List.of(PeerAddress.of(context.id, address(1))), 5);
            pump(discovery, context, otherDiscovery, other, 10);
        }

        assertThat(discovery.neighbors()).as("an active view of one").hasSize(1);
    }

    @Test
    void unusableOptionsNameTheOptionToFix() {
        assertThatThrownBy(() -> provider.create(new FakeContext(1, List.of(), Map.of("gossip.active-view", "five"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gossip.active-view");
        assertThatThrownBy(() -> provider.create(new FakeContext(1, List.of(), Map.of("gossip.passive-walk", "9"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("passiveRandomWalkLength")
                .hasMessageContaining("gossip.passive-walk");
        assertThatThrownBy(() -> provider.create(new FakeContext(1, List.of(), Map.of(
                "gossip.max-pending-per-neighbor", "1000"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gossip.max-pending-per-neighbor").hasMessageContaining("gossip.max-pending-validations");
        assertThatThrownBy(() -> provider.create(new FakeContext(1, List.of(), Map.of("gossip.passive-per-source", "0"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gossip.passive-per-source");
    }
}
