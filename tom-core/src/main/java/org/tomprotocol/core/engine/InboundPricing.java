package org.tomprotocol.core.engine;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.core.wire.PricePayload;
import org.tomprotocol.core.wire.Stamp;
import org.tomprotocol.spi.state.ExpiringMap;

/**
 * Lock 5 on the message path (docs/roles.md, wire spec §15): each new chat this node delivers or relays is priced by
 * its signed origin ({@link OriginAdmission}). Free, it is handled at once; over the origin's budget it is handled
 * after the cost's delay, the lower its priority the later among those due; past twice the budget it is handled
 * only with a stamp of the cost's difficulty — a chat without one is left unhandled as unpaid
 * ({@code rejected.unpaid-stamp}, the only refusal here: for the missing payment, never for who sent it) and its
 * origin is told the price in a signed {@code Price}, at once when the difficulty rises, else at most once a
 * second. A chat that carries its stamp goes through, whoever sent it. What waits is bounded
 * ({@value #MAX_WAITING}: past it the earliest due goes at once). Pure; the time is passed in; agent thread only.
 */
final class InboundPricing implements MessageHolder {
    static final int MAX_WAITING = 4_096;
    /** How long a price told holds: the origin pays it that long, and is told again while the excess lasts. */
    static final long PRICE_VALID_MS = 60_000;
    static final long RETELL_MS = 1_000;
    /** The most prices this node signs a second, all origins together. */
    static final double MAX_PRICES_PER_SECOND = 50;

    /** Handles a chat once its price is paid, at the time given. */
    @FunctionalInterface
    interface Handling {
        void handle(long now);
    }

    private record Waiting(long releaseAt, double priority, long order, Handling handling) {
    }

    /** The price last told an origin, when, and its chat whose path the next one goes back along. */
    private record Told(int stampBits, long at, Envelope chat) {
    }

    private final NodeId local;
    private OriginAdmission admission;
    private final PriceEffects effects;
    private final TreeSet<Waiting> waiting = new TreeSet<>(Comparator.comparingLong(Waiting::releaseAt)
            .thenComparingDouble(Waiting::priority).thenComparingLong(Waiting::order));
    private final ExpiringMap<NodeId, Told> told = new ExpiringMap<>(PRICE_VALID_MS, OriginAdmission.MAX_TRACKED);
    private long order;
    private long nextFadeReview;
    private final org.tomprotocol.spi.state.DecayingCount pricesSent =
            new org.tomprotocol.spi.state.DecayingCount(OriginAdmission.RATE_HALF_LIFE_MS);

    InboundPricing(NodeId local, OriginAdmission admission, PriceEffects effects) {
        this.local = local;
        this.admission = admission;
        this.effects = effects;
    }

    /** Prices from now on with {@code replacement} (an operator's budget). */
    void admission(OriginAdmission replacement) {
        this.admission = replacement;
    }

    /** Prices one new chat (carrying {@code stamp}, if any) and hands it to {@code handling} now, later or never. */
    void offer(Envelope envelope, OptionalLong stamp, long now, Handling handling) {
        AdmissionCost cost = admission.cost(envelope.from(), now);
        if (cost.equals(AdmissionCost.FREE)) {
            clear(envelope, now);
            handling.handle(now);
            return;
        }
        tell(envelope, cost, now);
        if (cost.stampBits() > 0) {
            effects.count("stamps-checked");
            if (stamp.isEmpty() || !Stamp.verify(envelope, stamp.getAsLong(), cost.stampBits())) {
                effects.count("rejected.unpaid-stamp");
                return;
            }
        }
        if (cost.delayMs() == 0) {
            handling.handle(now);
            return;
        }
        effects.count("priced-delayed");
        waiting.add(new Waiting(now + cost.delayMs(), cost.priority(), order++, handling));
        if (waiting.size() > MAX_WAITING) {
            // bounded memory: the earliest due goes a little early, nothing is lost
            waiting.pollFirst().handling().handle(now);
        }
    }

    /** Hands on the chats whose delay is over, earliest first, and lowers the prices that faded. */
    void release(long now) {
        while (!waiting.isEmpty() && waiting.first().releaseAt() <= now) {
            waiting.pollFirst().handling().handle(now);
        }
        if (now >= nextFadeReview) {
            nextFadeReview = now + RETELL_MS;
            lowerFadedPrices(now);
        }
    }

    /**
     * An origin asked for a stamp may send nothing this node sees — the transports refuse what it sends unpaid
     * before it gets here — so its price would stay where it was until it expired, a cliff: instead, once a second,
     * each stamp asked is looked at again as the origin's rate fades, and a lower price is told (and owed) at once.
     */
    private void lowerFadedPrices(long now) {
        for (java.util.Map.Entry<NodeId, Told> entry : told.newest(told.size())) {
            Told last = entry.getValue();
            if (last.stampBits() == 0 || now - last.at() < RETELL_MS) {
                continue;
            }
            AdmissionCost cost = admission.peek(entry.getKey(), now);
            if (cost.stampBits() < last.stampBits()) {
                told.put(entry.getKey(), new Told(cost.stampBits(), now, last.chat()), now);
                send(last.chat(), new PricePayload(cost.stampBits(), Math.min(PricePayload.MAX_DELAY_MS,
                        cost.delayMs()), PRICE_VALID_MS), now);
            }
        }
    }

    /** An origin told to pay that now sends free again is told so, once: it stops minting stamps nobody asks. */
    private void clear(Envelope envelope, long now) {
        Told last = told.get(envelope.from(), now);
        if (last == null || last.stampBits() == 0) {
            return;
        }
        told.put(envelope.from(), new Told(0, now, envelope), now);
        send(envelope, new PricePayload(0, 0, PRICE_VALID_MS), now);
    }

    /**
     * Tells the origin its price, once it costs a delay or a stamp: at once when the stamp asked changes (up, or down
     * as the origin's rate fades), else at most once per {@link #RETELL_MS}.
     */
    private void tell(Envelope envelope, AdmissionCost cost, long now) {
        if (cost.delayMs() == 0 && cost.stampBits() == 0) {
            return;
        }
        Told last = told.get(envelope.from(), now);
        if (last != null && cost.stampBits() == last.stampBits() && now - last.at() < RETELL_MS) {
            return;
        }
        told.put(envelope.from(), new Told(cost.stampBits(), now, envelope), now);
        send(envelope, new PricePayload(cost.stampBits(), Math.min(PricePayload.MAX_DELAY_MS, cost.delayMs()),
                PRICE_VALID_MS), now);
    }

    /**
     * Signs and sends {@code price} to the chat's origin back along its path, and has the transports check what it
     * owes; at most {@link #MAX_PRICES_PER_SECOND} a second in all, however many origins (a flood of fresh identities
     * must not make this node sign a price for each).
     */
    private void send(Envelope envelope, PricePayload price, long now) {
        pricesSent.add(1, now);
        if (OriginAdmission.rate(pricesSent.value(now)) > MAX_PRICES_PER_SECOND) {
            effects.count("prices-not-told");
            return;
        }
        effects.count("prices-told");
        effects.stampOwed(envelope.from(), price.stampBits(), now, now + price.validMs());
        int position = envelope.via().indexOf(local);
        List<NodeId> back = Paths.reversed(position < 0 ? envelope.via() : envelope.via().subList(0, position));
        effects.sendSigned(MessageType.Price, envelope.from(), back, price.encode());
    }

    /** The stamp this node last asked of {@code origin}'s chats, while the price holds; 0 if none. */
    int stampAskedOf(NodeId origin, long now) {
        Told last = told.get(origin, now);
        return last == null ? 0 : last.stampBits();
    }

    @Override
    public int messagesHeld() {
        return waiting.size();
    }

    void purge(long now) {
        told.purge(now);
    }
}
