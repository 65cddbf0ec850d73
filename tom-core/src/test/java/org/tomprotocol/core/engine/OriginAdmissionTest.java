package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.crypto.TomV1Suite;

/**
 * Lock 5's admission curve: free within an origin's budget, which grows with its score; beyond it a cost that rises
 * continuously with the excess and is always payable; fresh identities share one budget; memory stays bounded.
 * Virtual time throughout.
 */
class OriginAdmissionTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    private final Map<NodeId, Double> scores = new HashMap<>();
    private final OriginAdmission admission = new OriginAdmission((origin, now) -> scores.getOrDefault(origin, 0.0));

    private static NodeId someone() {
        return SUITE.generateIdentity().id();
    }

    /** {@code origin} sends at {@code perSecond} for {@code seconds} from {@code start}; the last message's cost. */
    private AdmissionCost send(NodeId origin, double perSecond, int seconds, long start) {
        AdmissionCost last = null;
        long count = Math.round(perSecond * seconds);
        for (long i = 0; i < count; i++) {
            last = admission.cost(origin, start + Math.round(i * 1000 / perSecond));
        }
        return last;
    }

    @Test
    void anOriginWithinItsBudgetPaysNothing() {
        assertThat(send(someone(), 9, 120, 0)).isEqualTo(AdmissionCost.FREE);
    }

    @Test
    void theBudgetGrowsWithTheScoreAsGen2sCurveDoes() {
        assertThat(OriginAdmission.budget(0)).isEqualTo(10);
        assertThat(OriginAdmission.budget(10)).isEqualTo(30);
        assertThat(OriginAdmission.budget(50)).isCloseTo(43.3, within(0.1));
        NodeId scored = someone();
        scores.put(scored, 10.0);
        assertThat(send(scored, 25, 120, 0)).as("25/s with a score of 10").isEqualTo(AdmissionCost.FREE);
    }

    @Test
    void theCostRisesContinuouslyWithTheExcessAndNeverFalls() {
        AdmissionCost previous = OriginAdmission.priced(1);
        for (int thousandths = 1_001; thousandths <= 1_000_000; thousandths++) {
            AdmissionCost cost = OriginAdmission.priced(thousandths / 1000.0);
            assertThat(cost.priority()).isGreaterThanOrEqualTo(previous.priority())
                    .isCloseTo(previous.priority(), within(0.001));
            assertThat(cost.delayMs()).isGreaterThanOrEqualTo(previous.delayMs())
                    .isLessThanOrEqualTo(previous.delayMs() + 1);
            assertThat(cost.stampBits()).isGreaterThanOrEqualTo(previous.stampBits());
            if (previous.stampBits() > 0) {
                assertThat(cost.stampBits()).as("one bit at a time past the first stamp")
                        .isLessThanOrEqualTo(previous.stampBits() + 1);
            }
            previous = cost;
        }
    }

    @Test
    void noExcessIsEverRefusedItIsPricedAndThePriceIsPayable() {
        AdmissionCost extreme = OriginAdmission.priced(1e12);
        assertThat(extreme.priority()).isLessThanOrEqualTo(1);
        assertThat(extreme.delayMs()).isEqualTo(OriginAdmission.MAX_DELAY_MS);
        assertThat(extreme.stampBits()).isEqualTo(OriginAdmission.MAX_STAMP_BITS);
    }

    /** What a fresh origin's last message costs after a minute at {@code perSecond}, on a node of its own. */
    private static AdmissionCost afterAMinuteAt(double perSecond) {
        OriginAdmission fresh = new OriginAdmission((origin, now) -> 0);
        NodeId origin = someone();
        AdmissionCost last = null;
        for (long i = 0; i < Math.round(perSecond * 60); i++) {
            last = fresh.cost(origin, Math.round(i * 1000 / perSecond));
        }
        return last;
    }

    @Test
    void aFloodingOriginPaysMoreTheHarderItFloods() {
        AdmissionCost twice = afterAMinuteAt(15);
        AdmissionCost tenfold = afterAMinuteAt(100);
        AdmissionCost hundredfold = afterAMinuteAt(1_000);

        assertThat(twice.stampBits()).isZero();
        assertThat(twice.delayMs()).isPositive();
        assertThat(tenfold.stampBits()).isBetween(OriginAdmission.FIRST_STAMP_BITS, hundredfold.stampBits() - 1);
        assertThat(hundredfold.delayMs()).isGreaterThan(tenfold.delayMs());
        assertThat(hundredfold.priority()).isGreaterThan(tenfold.priority()).isGreaterThan(twice.priority());
    }

    @Test
    void aThousandFreshIdentitiesBuyNoMoreThanOneIdentity() {
        List<NodeId> sybils = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            sybils.add(someone());
        }
        AdmissionCost last = null;
        for (int second = 0; second < 30; second++) {
            for (int i = 0; i < sybils.size(); i++) {
                last = admission.cost(sybils.get(i), second * 1000L + i);
            }
        }
        OriginAdmission alone = new OriginAdmission((origin, now) -> 0);
        NodeId one = someone();
        AdmissionCost single = null;
        for (int second = 0; second < 30; second++) {
            for (int i = 0; i < 1_000; i++) {
                single = alone.cost(one, second * 1000L + i);
            }
        }

        assertThat(last).as("1 000 identities at 1/s each cost what one at 1 000/s costs").isEqualTo(single);
        assertThat(last.stampBits()).isPositive();
    }

    @Test
    void aScoredOriginKeepsItsOwnBudgetWhileFreshIdentitiesFlood() {
        NodeId honest = someone();
        scores.put(honest, 10.0);
        AdmissionCost honestCost = null;
        for (int i = 0; i < 30_000; i++) {
            admission.cost(someone(), i);
            if (i % 50 == 0) {
                honestCost = admission.cost(honest, i);
            }
        }
        assertThat(honestCost).isEqualTo(AdmissionCost.FREE);
    }

    @Test
    void oneFloodingNewcomerPaysForItsOwnExcessAndLeavesTheOtherNewcomersPriceAlone() {
        NodeId flooder = someone();
        NodeId quiet = someone();
        AdmissionCost quietCost = null;
        AdmissionCost flooderCost = null;
        for (int i = 0; i < 30_000; i++) {
            flooderCost = admission.cost(flooder, i);
            if (i % 500 == 0) {
                quietCost = admission.cost(quiet, i);
            }
        }

        assertThat(flooderCost.stampBits()).as("the flooder, at 1 000/s").isEqualTo(OriginAdmission.MAX_STAMP_BITS);
        assertThat(quietCost).as("a newcomer at 2/s beside it").isEqualTo(AdmissionCost.FREE);
    }

    @Test
    void floodersFreeBurstsRaiseNoOtherNewcomersPriceEvenWhileTheyFade() {
        NodeId flooder = someone();
        NodeId another = someone();
        NodeId quiet = someone();
        List<AdmissionCost> quietCosts = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            admission.cost(flooder, i);
            admission.cost(another, i);
            if (i % 500 == 250) {
                quietCosts.add(admission.cost(quiet, i));
            }
        }

        assertThat(quietCosts).as("a newcomer at 2/s beside two flooders at 1 000/s, from its first second on")
                .containsOnly(AdmissionCost.FREE);
    }

    @Test
    void manyFreshIdentitiesEachSendingALittleTooMuchPayForAllOfThem() {
        List<NodeId> sybils = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sybils.add(someone());
        }
        AdmissionCost last = null;
        // 100 identities at 20/s each: each one twice its own budget, 200 times the newcomers' together
        for (int tick = 0; tick < 2_000 * 60; tick++) {
            last = admission.cost(sybils.get(tick % 100), tick / 2);
        }

        assertThat(last.stampBits()).as("what 2 000/s from one identity would pay")
                .isEqualTo(OriginAdmission.priced(200).stampBits()).isGreaterThan(OriginAdmission.priced(2).stampBits());
    }

    @Test
    void anOriginThatStopsFloodingPaysNothingAgainOnceItsRateHasFaded() {
        NodeId flooder = someone();
        assertThat(send(flooder, 500, 20, 0).stampBits()).isPositive();

        assertThat(admission.cost(flooder, 20_000 + 120_000)).isEqualTo(AdmissionCost.FREE);
    }

    @Test
    void memoryStaysBoundedHoweverManyScoredOriginsSend() {
        for (int i = 0; i < OriginAdmission.MAX_TRACKED + 1_000; i++) {
            NodeId origin = someone();
            scores.put(origin, 1.0);
            admission.cost(origin, i);
        }
        assertThat(admission.tracked()).isEqualTo(OriginAdmission.MAX_TRACKED);
    }

    @Test
    void aFadedTraceOfAScoreOrAScoreThatIsNoNumberBuysNoBudgetOfItsOwn() {
        NodeId faded = someone();
        NodeId broken = someone();
        scores.put(faded, 0.01);
        scores.put(broken, Double.NaN);
        AdmissionCost cost = null;
        // 80 each at once: within a newcomer's own budget, but together past the newcomers' shared one
        for (int i = 0; i < 80; i++) {
            admission.cost(faded, 0);
            cost = admission.cost(broken, 0);
        }

        assertThat(cost).as("priced as newcomers, sharing one budget").isNotEqualTo(AdmissionCost.FREE);
        scores.put(faded, 1.0);
        scores.put(broken, 1.0);
        OriginAdmission scored = new OriginAdmission((origin, now) -> scores.get(origin));
        for (int i = 0; i < 80; i++) {
            scored.cost(faded, 0);
            cost = scored.cost(broken, 0);
        }
        assertThat(cost).as("with a unit of verified work each, a budget of their own").isEqualTo(AdmissionCost.FREE);
    }
}
