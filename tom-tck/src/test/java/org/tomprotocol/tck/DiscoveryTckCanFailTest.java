package org.tomprotocol.tck;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.tck.fixtures.MeshDiscoveryProvider;
import org.tomprotocol.tck.fixtures.DiscoveryFlaw;

/** Every check of {@link DiscoveryTck} passes on the reference mesh discovery and fails on a discovery broken for it. */
class DiscoveryTckCanFailTest {
    static final Map<String, Class<?>> BROKEN = Map.ofEntries(
            entry("availabilityAnswersWithoutThrowingAndSaysTheProviderWorksHere", AvailabilityThrows.class),
            entry("optionsAreDeclaredOnceEachUnderTheProvidersPrefix", OptionOutsideItsPrefix.class),
            entry("aValueOfTheWrongTypeIsRefusedNamingItsKey", OptionErrorWithoutTheKey.class),
            entry("everyOptionAtItsDeclaredDefaultIsAccepted", RefusesItsOwnDefault.class),
            entry("aBroadcastReachesEveryNodeOfAConnectedNetwork", HoldsItsBroadcastsUntilANeighbourJoins.class),
            entry("aNodeIsAskedToValidateEachPayloadOnce", ValidatesEveryCopy.class),
            entry("nothingTravelsBeforeItsAcceptNorAfterARefusal", ForwardsBeforeValidation.class),
            entry("hostileFramesAreCountedNeverThrownAndTheNodeKeepsWorking", ThrowsOnMalformedFrames.class),
            entry("verdictsForUnknownOrAnsweredTicketsAreIgnored", FailsOnUnknownTickets.class),
            entry("neighboursReportedUpAndDownMatchNeighbors", NeverReportsNeighboursDown.class),
            entry("broadcastsStillReachEveryoneAfterANodeIsLost", OnlyEverTalksToItsBootstrapPeers.class),
            entry("contactsOnlyPeersWhoseAddressItWasToldOrThatContactedIt", SkipsLearnAddresses.class),
            entry("actsOnlyInsideItsOwnCallsOnTheCallingThread", SendsFromItsOwnThread.class),
            entry("twoRunsFromTheSameSeedAreTheSame", ShufflesWithItsOwnRandom.class),
            entry("timersAlwaysAskToBeCalledLater", AsksForItsTimerNow.class));

    static List<String> checks() {
        return TckRun.checksOf(DiscoveryTck.class);
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
    abstract static class OnFlawed extends DiscoveryTck {
        private final DiscoveryFlaw flaw;

        OnFlawed(DiscoveryFlaw flaw) {
            this.flaw = flaw;
        }

        @Override
        protected DiscoveryProvider provider() {
            return new MeshDiscoveryProvider(flaw);
        }
    }

    static class Honest extends OnFlawed {
        Honest() {
            super(DiscoveryFlaw.NONE);
        }
    }

    static class AvailabilityThrows extends OnFlawed {
        AvailabilityThrows() {
            super(DiscoveryFlaw.AVAILABILITY_THROWS);
        }
    }

    static class OptionOutsideItsPrefix extends OnFlawed {
        OptionOutsideItsPrefix() {
            super(DiscoveryFlaw.OPTION_OUTSIDE_ITS_PREFIX);
        }
    }

    static class OptionErrorWithoutTheKey extends OnFlawed {
        OptionErrorWithoutTheKey() {
            super(DiscoveryFlaw.OPTION_ERROR_WITHOUT_THE_KEY);
        }
    }

    static class RefusesItsOwnDefault extends OnFlawed {
        RefusesItsOwnDefault() {
            super(DiscoveryFlaw.REFUSES_ITS_OWN_DEFAULT);
        }
    }

    static class HoldsItsBroadcastsUntilANeighbourJoins extends OnFlawed {
        HoldsItsBroadcastsUntilANeighbourJoins() {
            super(DiscoveryFlaw.HOLDS_ITS_BROADCASTS_UNTIL_A_NEIGHBOUR_JOINS);
        }
    }

    static class ValidatesEveryCopy extends OnFlawed {
        ValidatesEveryCopy() {
            super(DiscoveryFlaw.VALIDATES_EVERY_COPY);
        }
    }

    static class ForwardsBeforeValidation extends OnFlawed {
        ForwardsBeforeValidation() {
            super(DiscoveryFlaw.FORWARDS_BEFORE_VALIDATION);
        }
    }

    static class ThrowsOnMalformedFrames extends OnFlawed {
        ThrowsOnMalformedFrames() {
            super(DiscoveryFlaw.THROWS_ON_MALFORMED_FRAMES);
        }
    }

    static class FailsOnUnknownTickets extends OnFlawed {
        FailsOnUnknownTickets() {
            super(DiscoveryFlaw.FAILS_ON_UNKNOWN_TICKETS);
        }
    }

    static class NeverReportsNeighboursDown extends OnFlawed {
        NeverReportsNeighboursDown() {
            super(DiscoveryFlaw.NEVER_REPORTS_NEIGHBOURS_DOWN);
        }
    }

    static class OnlyEverTalksToItsBootstrapPeers extends OnFlawed {
        OnlyEverTalksToItsBootstrapPeers() {
            super(DiscoveryFlaw.ONLY_EVER_TALKS_TO_ITS_BOOTSTRAP_PEERS);
        }
    }

    static class SkipsLearnAddresses extends OnFlawed {
        SkipsLearnAddresses() {
            super(DiscoveryFlaw.SKIPS_LEARN_ADDRESSES);
        }
    }

    static class SendsFromItsOwnThread extends OnFlawed {
        SendsFromItsOwnThread() {
            super(DiscoveryFlaw.SENDS_FROM_ITS_OWN_THREAD);
        }
    }

    static class ShufflesWithItsOwnRandom extends OnFlawed {
        ShufflesWithItsOwnRandom() {
            super(DiscoveryFlaw.SHUFFLES_WITH_ITS_OWN_RANDOM);
        }
    }

    static class AsksForItsTimerNow extends OnFlawed {
        AsksForItsTimerNow() {
            super(DiscoveryFlaw.ASKS_FOR_ITS_TIMER_NOW);
        }
    }
}
