package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.envelope;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.PricePayload;
import org.tomprotocol.core.wire.Stamp;
import org.tomprotocol.core.wire.WireException;

/**
 * Lock 5 on the message path, in virtual time: within its budget an origin's chat is handled at once; past it, after
 * a delay; past twice it, only with the stamp asked — the origin is told the price, and a stamped chat goes through
 * whoever sent it.
 */
class InboundPricingTest {
    private static final NodeId LOCAL = node(1);
    private static final NodeId FLOODER = node(2);
    private static final NodeId RELAY = node(3);

    private final Map<String, Integer> counters = new HashMap<>();
    private final List<Envelope> told = new ArrayList<>();
    private final List<Long> handledAt = new ArrayList<>();
    private final InboundPricing pricing = new InboundPricing(LOCAL, new OriginAdmission((origin, now) -> 0),
            new PriceEffects() {
                @Override
                public void sendSigned(MessageType type, NodeId to, List<NodeId> via, byte[] payload) {
                    told.add(Envelope.unsigned(org.tomprotocol.api.MessageId.random(), LOCAL, to, via, type, payload,
                            0, false));
                }

                @Override
                public void count(String counter) {
                    counters.merge(counter, 1, Integer::sum);
                }

                @Override
                public void stampOwed(NodeId origin, int bits, long now, long until) {
                    owed.put(origin, bits);
                }
            });
    private final Map<NodeId, Integer> owed = new HashMap<>();

    private Envelope chat() {
        return envelope(MessageType.Chat, FLOODER, LOCAL, List.of(RELAY), new byte[] {1}, 0);
    }

    private void offer(Envelope chat, OptionalLong stamp, long now) {
        pricing.offer(chat, stamp, now, handledAt::add);
    }

    private static long stampFor(Envelope chat, int bits) {
        return Stamp.mint(Stamp.subject(chat.id(), chat.from(), chat.to()), bits);
    }

    private PricePayload lastPrice() throws WireException {
        return PricePayload.decode(told.get(told.size() - 1).payload());
    }

    @Test
    void withinItsBudgetAnOriginsChatIsHandledAtOnceAndNothingIsTold() {
        for (int i = 0; i < 20; i++) {
            offer(chat(), OptionalLong.empty(), i * 200L);
        }

        assertThat(handledAt).hasSize(20);
        assertThat(told).isEmpty();
        assertThat(pricing.messagesHeld()).isZero();
    }

    @Test
    void pastItsBudgetAChatWaitsItsDelayAndTheOriginIsToldBackAlongItsPath() throws WireException {
        for (int i = 0; i < 200; i++) {
            offer(chat(), OptionalLong.empty(), 0);
        }
        int atOnce = handledAt.size();
        assertThat(pricing.messagesHeld()).as("delayed").isPositive();

        pricing.release(OriginAdmission.MAX_DELAY_MS);

        assertThat(handledAt).hasSize(200);
        assertThat(atOnce).isLessThan(200);
        assertThat(told).isNotEmpty().allSatisfy(price -> {
            assertThat(price.type()).isEqualTo(MessageType.Price);
            assertThat(price.to()).isEqualTo(FLOODER);
            assertThat(price.via()).containsExactly(RELAY);
        });
        assertThat(lastPrice().delayMs()).isPositive();
    }

    @Test
    void pastTwiceItsBudgetOnlyAStampedChatGoesThroughAndTheOriginIsToldTheDifficulty() throws WireException {
        for (int i = 0; i < 400; i++) {
            offer(chat(), OptionalLong.empty(), 0);
        }
        int bits = lastPrice().stampBits();
        assertThat(bits).as("a stamp asked").isPositive();
        assertThat(owed).as("what the transports check before a signature").containsEntry(FLOODER, bits);
        assertThat(counters.get("rejected.unpaid-stamp")).isPositive();
        pricing.release(OriginAdmission.MAX_DELAY_MS);
        int handledBefore = handledAt.size();

        // a little more than asked: each chat offered raises the excess a little further
        Envelope paid = chat();
        long stamp = stampFor(paid, bits + 3);
        offer(paid, OptionalLong.of(stamp), OriginAdmission.MAX_DELAY_MS);
        Envelope forged = chat();
        offer(forged, OptionalLong.of(stamp), OriginAdmission.MAX_DELAY_MS);
        pricing.release(2 * OriginAdmission.MAX_DELAY_MS);

        assertThat(handledAt).as("the stamped one, not the one with another's stamp").hasSize(handledBefore + 1);
    }

    @Test
    void theOriginIsToldAgainAtOnceWhenTheDifficultyChangesElseAtMostOnceASecond() throws WireException {
        for (int i = 0; i < 2_000; i++) {
            offer(chat(), OptionalLong.empty(), 0);
        }
        List<Integer> difficulties = new ArrayList<>();
        for (Envelope price : told) {
            difficulties.add(PricePayload.decode(price.payload()).stampBits());
        }

        assertThat(difficulties).as("each told once, rising").isSorted().doesNotHaveDuplicates();
        told.clear();
        offer(chat(), OptionalLong.empty(), 100);
        assertThat(told).as("within the second, the same difficulty").isEmpty();
        offer(chat(), OptionalLong.empty(), 1_000);
        assertThat(told).hasSize(1);
    }

    @Test
    void anOriginThatSendsFreeAgainIsToldSoOnceAndOwesNothing() throws WireException {
        for (int i = 0; i < 400; i++) {
            offer(chat(), OptionalLong.empty(), 0);
        }
        assertThat(lastPrice().stampBits()).isPositive();
        told.clear();

        // 50 s on, its rate has faded to under a message a second; its price was told to hold 60 s
        offer(chat(), OptionalLong.empty(), 50_000);
        offer(chat(), OptionalLong.empty(), 50_100);

        assertThat(told).hasSize(1);
        assertThat(lastPrice()).isEqualTo(new PricePayload(0, 0, InboundPricing.PRICE_VALID_MS));
        assertThat(owed).containsEntry(FLOODER, 0);
    }

    @Test
    void aFloodOfFreshIdentitiesGetsAtMostItsShareOfSignedPrices() {
        for (int n = 0; n < 3_000; n++) {
            byte[] key = new byte[32];
            key[0] = (byte) n;
            key[1] = (byte) (n >> 8);
            key[31] = 0x11;
            NodeId origin = NodeId.of(key);
            for (int i = 0; i < 3; i++) {
                pricing.offer(envelope(MessageType.Chat, origin, LOCAL, List.of(), new byte[] {1}, 0),
                        OptionalLong.empty(), n, handledAt::add);
            }
        }

        assertThat(counters.get("prices-not-told")).as("past the cap").isPositive();
        assertThat(told.size()).as("a burst of about 720, then 50 a second").isLessThan(800);
    }

    @Test
    void whatWaitsIsBoundedAndNothingIsLostWhenItOverflows() {
        List<Long> handled = new ArrayList<>();
        InboundPricing scaledDown = new InboundPricing(LOCAL, new OriginAdmission((origin, now) -> 1, 1),
                new PriceEffects() {
                    @Override
                    public void sendSigned(MessageType type, NodeId to, List<NodeId> via, byte[] payload) {
                    }

                    @Override
                    public void count(String counter) {
                        counters.merge(counter, 1, Integer::sum);
                    }

                    @Override
                    public void stampOwed(NodeId origin, int bits, long now, long until) {
                    }
                });
        // 300 origins with a budget of their own, each just under twice it: half of each burst waits, none is unpaid
        int origins = 300;
        int burst = 38;
        for (int n = 0; n < origins; n++) {
            byte[] key = new byte[32];
            key[0] = (byte) n;
            key[1] = (byte) (n >> 8);
            key[31] = 0x24;
            NodeId origin = NodeId.of(key);
            for (int i = 0; i < burst; i++) {
                scaledDown.offer(envelope(MessageType.Chat, origin, LOCAL, List.of(), new byte[] {1}, 0),
                        OptionalLong.empty(), 0, handled::add);
                assertThat(scaledDown.messagesHeld()).isLessThanOrEqualTo(InboundPricing.MAX_WAITING);
            }
        }

        assertThat(counters).doesNotContainKey("rejected.unpaid-stamp");
        assertThat(scaledDown.messagesHeld()).isEqualTo(InboundPricing.MAX_WAITING);
        scaledDown.release(60_000);
        assertThat(handled).hasSize(origins * burst);
    }

    @Test
    void aStampAskedFadesWithTheOriginsRateThoughItSendsNothingThisNodeSees() throws WireException {
        for (int i = 0; i < 2_000; i++) {
            offer(chat(), OptionalLong.empty(), i / 2);
        }
        int asked = owed.get(FLOODER);
        assertThat(asked).as("2 000 chats in a second").isGreaterThan(OriginAdmission.FIRST_STAMP_BITS);
        int toldBefore = told.size();

        // what it sends now the transports refuse unpaid: nothing more reaches the pricing
        List<Integer> owedOverTime = new ArrayList<>();
        for (long now = 1_000; now <= 120_000; now += 250) {
            pricing.release(now);
            owedOverTime.add(owed.get(FLOODER));
        }

        assertThat(told.size()).as("lower prices told unasked").isGreaterThan(toldBefore);
        assertThat(owedOverTime).as("falling, a bit at a time, never rising").isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        assertThat(owedOverTime.get(owedOverTime.size() - 1)).as("nothing owed once its rate has faded").isZero();
        assertThat(lastPrice().stampBits()).isZero();
    }
}
