package org.tomprotocol.tck;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomprotocol.spi.anchor.AnchorProvider;
import org.tomprotocol.tck.fixtures.ReferenceAnchorProvider;
import org.tomprotocol.tck.fixtures.AnchorFlaw;

/** Every check of {@link AnchorTck} passes on the reference anchor and fails on an anchor broken for it. */
class AnchorTckCanFailTest {
    static final Map<String, Class<?>> BROKEN = Map.ofEntries(
            entry("availabilityAnswersWithoutThrowingAndSaysTheProviderWorksHere", AvailabilityThrows.class),
            entry("optionsAreDeclaredOnceEachUnderTheProvidersPrefix", OptionOutsideItsPrefix.class),
            entry("observeReturnsAtOnceEvenUnderALongBurst", BlocksWhenItsBufferIsFull.class),
            entry("observeThrowsNothingForAnyObservationEvenAfterClose", ThrowsACheckedExceptionAfterClose.class),
            entry("closeReturnsPromptlyAfterABurstAndASecondCloseDoesNothing", CloseWaitsForAWriterThatNeverEnds.class),
            entry("anAnchorOffersTheEngineNothingButObservation", IsAlsoATransportListener.class),
            entry("eachNodeGetsAnAnchorOfItsOwn", OneAnchorForAllNodes.class));

    static List<String> checks() {
        return TckRun.checksOf(AnchorTck.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void theCheckPassesOnTheHonestProviderAndFailsOnOneBrokenForIt(String check) {
        TckRun.passesOnHonestAndFailsOnBroken(Honest.class, BROKEN, check);
    }

    @Test
    void everyBrokenProviderIsNamedForACheckThatExists() {
        org.assertj.core.api.Assertions.assertThat(checks()).containsAll(BROKEN.keySet());
    }

    /** The suite on the fixture provider with one flaw. */
    @ExtendWith(FixtureGate.class)
    abstract static class OnFlawed extends AnchorTck {
        private final AnchorFlaw flaw;

        OnFlawed(AnchorFlaw flaw) {
            this.flaw = flaw;
        }

        @Override
        protected AnchorProvider provider() {
            return new ReferenceAnchorProvider(flaw);
        }

        @Override
        protected java.time.Duration patience() {
            return java.time.Duration.ofSeconds(2);
        }
    }

    static class Honest extends OnFlawed {
        Honest() {
            super(AnchorFlaw.NONE);
        }
    }

    static class AvailabilityThrows extends OnFlawed {
        AvailabilityThrows() {
            super(AnchorFlaw.AVAILABILITY_THROWS);
        }
    }

    static class OptionOutsideItsPrefix extends OnFlawed {
        OptionOutsideItsPrefix() {
            super(AnchorFlaw.OPTION_OUTSIDE_ITS_PREFIX);
        }
    }

    static class BlocksWhenItsBufferIsFull extends OnFlawed {
        BlocksWhenItsBufferIsFull() {
            super(AnchorFlaw.BLOCKS_WHEN_ITS_BUFFER_IS_FULL);
        }
    }

    static class ThrowsACheckedExceptionAfterClose extends OnFlawed {
        ThrowsACheckedExceptionAfterClose() {
            super(AnchorFlaw.THROWS_A_CHECKED_EXCEPTION_AFTER_CLOSE);
        }
    }

    static class CloseWaitsForAWriterThatNeverEnds extends OnFlawed {
        CloseWaitsForAWriterThatNeverEnds() {
            super(AnchorFlaw.CLOSE_WAITS_FOR_A_WRITER_THAT_NEVER_ENDS);
        }
    }

    static class IsAlsoATransportListener extends OnFlawed {
        IsAlsoATransportListener() {
            super(AnchorFlaw.IS_ALSO_A_TRANSPORT_LISTENER);
        }
    }

    static class OneAnchorForAllNodes extends OnFlawed {
        OneAnchorForAllNodes() {
            super(AnchorFlaw.ONE_ANCHOR_FOR_ALL_NODES);
        }
    }
}
