package org.tomprotocol.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.MessageStatus;
import org.tomprotocol.api.OutboundMessage;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.core.wire.Envelope;

/**
 * Attack 8 of issue 12 on the engine's side: a neighbour sends tens of thousands of envelopes with bad
 * signatures. Each refused frame makes the neighbour's next ones cost more, so nearly all are dropped before
 * a signature check; an honest neighbour sending as fast is never slowed; the offender is never shut out.
 */
class HostileFloodTest {
    private static final int BAD_FRAMES = 20_000;

    @Test
    void aNeighbourSendingBadSignaturesPaysMoreForEachAndMostOfItsFramesAreNeverVerified() throws Exception {
        try (SimulatedNetwork net = new SimulatedNetwork(41)) {
            TomNode victim = net.node("victim");
            TomNode alice = net.node("alice");
            net.link(alice, victim);
            HostilePeer mallory = new HostilePeer(net, "mallory");
            mallory.connect(victim);
            net.run(Duration.ofMillis(100));
            byte[] forged = mallory.sign(mallory.chat(victim.id(), "forged"));
            forged[forged.length - 1] ^= 1;

            for (int i = 0; i < BAD_FRAMES; i++) {
                mallory.sendFrame(victim.id(), forged);
            }
            List<OutboundMessage> honest = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                honest.add(alice.send(victim.id(), ("honest " + i).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(net.runUntil(() -> honest.stream().allMatch(m -> m.status() == MessageStatus.DELIVERED),
                    Duration.ofSeconds(10))).isTrue();
            net.run(Duration.ofSeconds(1));

            long verified = victim.metrics().get("rejected.bad-signature");
            assertThat(verified + victim.metrics().get("rejected.over-budget")).isEqualTo(BAD_FRAMES);
            assertThat(verified).as("signature checks spent on the flood").isLessThan(BAD_FRAMES / 50);

            // never a hard block: once its debt has faded, the offender's well-formed messages go through again
            net.run(Duration.ofMinutes(10));
            Envelope behaving = mallory.chat(victim.id(), "I behave now");
            mallory.send(behaving);
            net.run(Duration.ofSeconds(1));
            assertThat(net.inbox(victim)).anyMatch(m -> m.id().equals(behaving.id()));
        }
    }

    @Test
    void anHonestNeighbourSendingThousandsOfFramesAtOnceIsNeverSlowed() {
        try (SimulatedNetwork net = new SimulatedNetwork(42)) {
            // the neighbours' frame budgets are the subject here, not lock 5's price of one origin's 4 000 messages at
            // once (PricedFloodTest): the victim prices nothing
            TomNode victim = net.node("victim", builder -> builder.option("tom.admission-budget", "1000000"));
            TomNode alice = net.node("alice");
            net.link(alice, victim);
            net.run(Duration.ofMillis(100));

            List<OutboundMessage> sent = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                sent.add(alice.send(victim.id(), ("burst " + i).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(net.runUntil(() -> sent.stream().allMatch(m -> m.status() == MessageStatus.DELIVERED),
                    Duration.ofSeconds(30))).isTrue();

            assertThat(victim.metrics().get("rejected.over-budget")).isZero();
            assertThat(alice.metrics().get("rejected.over-budget")).isZero();
            assertThat(net.inbox(victim)).hasSize(4_000);
        }
    }
}
