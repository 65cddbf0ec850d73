package org.tomprotocol.tck;

import static java.util.Map.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomprotocol.spi.transport.TransportProvider;
import org.tomprotocol.tck.fixtures.FlawedTransportProvider;
import org.tomprotocol.tck.fixtures.TransportFlaw;

/**
 * Every check of {@link TransportTck} passes on the honest in-memory transport and fails on a transport broken
 * for it, so no transport check can pass vacuously.
 */
class TransportTckCanFailTest {
    static final Map<String, Class<?>> BROKEN = Map.ofEntries(
            entry("availabilityAnswersWithoutThrowingAndSaysTheProviderWorksHere", AvailabilityThrows.class),
            entry("optionsAreDeclaredOnceEachUnderTheProvidersPrefix", OptionOutsideItsPrefix.class),
            entry("aValueOfTheWrongTypeIsRefusedNamingItsKey", OptionErrorWithoutTheKey.class),
            entry("everyOptionAtItsDeclaredDefaultIsAccepted", RefusesItsOwnDefault.class),
            entry("framesArriveWholeOnTheirChannelFromTheAuthenticatedSender", LosesTheChannel.class),
            entry("aFrameLargerThanMaxFrameBytesFailsAtSend", IgnoresMaxFrameBytes.class),
            entry("aPeersOversizeFrameIsRefusedReportedAndLaterFramesStillArrive", IgnoresMaxFrameBytes.class),
            entry("everyFrameSentWhileTheSessionIsUpArrivesExactlyOnceInAnyOrder", DeliversEveryFrameTwice.class),
            entry("thePeerAnswersOverTheSessionTheDialerOpened", DialsOnlyPeersItWasToldOf.class),
            entry("simultaneousDialsSettleOnOneSessionWithoutLosingFrames", ReportsEachSessionTwice.class),
            entry("aPeerAnsweringWithAnotherIdentityIsRefused", TrustsTheAddressNotTheKey.class),
            entry("aPeerIsReachedAgainAfterItRestartsAtTheSameAddress", NeverRedialsAPeerItLost.class),
            entry("disconnectEndsTheSessionOnBothSidesAndConnectWorksAgain", DisconnectDoesNothing.class),
            entry("closeEndsSessionsAtThePeerAndLaterCallsFail", CloseLeavesSessionsOpen.class),
            entry("closeCompletesEverySendStillPending", CloseAbandonsQueuedSends.class),
            entry("sendingToAPeerWithNoKnownAddressFails", WaitsForeverForAnAddress.class),
            entry("callsFromInsideAListenerCallbackReturnAtOnce", SendWaitsForItsIoThread.class),
            entry("aListenerThatThrowsDoesNotStopTheTransport", DeliveryThreadDiesOnAListenerException.class),
            entry("anErrorOnATransportThreadReachesOnFatalError", SwallowsErrors.class),
            entry("pauseDelaysAPeersFramesButNeverDropsThemOrTheSession", PauseDisconnects.class),
            entry("addressesAreOfTheProvidersSchemeAndForeignOnesAreIgnored", ThrowsOnForeignAddresses.class));

    static List<String> checks() {
        return TckRun.checksOf(TransportTck.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void theCheckPassesOnTheHonestTransportAndFailsOnOneBrokenForIt(String check) {
        TckRun.passesOnHonestAndFailsOnBroken(Honest.class, BROKEN, check);
    }

    @Test
    void everyBrokenTransportIsNamedForACheckThatExists() {
        org.assertj.core.api.Assertions.assertThat(checks()).containsAll(BROKEN.keySet());
    }

    /** The suite on a transport of the fixture provider; short patience, since every broken run waits it out. */
    @ExtendWith(FixtureGate.class)
    abstract static class OnFlawed extends TransportTck {
        private final TransportFlaw flaw;

        OnFlawed(TransportFlaw flaw) {
            this.flaw = flaw;
        }

        @Override
        protected TransportProvider provider() {
            return new FlawedTransportProvider(flaw);
        }

        @Override
        protected Duration patience() {
            return Duration.ofSeconds(3);
        }
    }

    static class Honest extends OnFlawed {
        Honest() {
            super(TransportFlaw.NONE);
        }
    }

    static class AvailabilityThrows extends OnFlawed {
        AvailabilityThrows() {
            super(TransportFlaw.AVAILABILITY_THROWS);
        }
    }

    static class OptionOutsideItsPrefix extends OnFlawed {
        OptionOutsideItsPrefix() {
            super(TransportFlaw.OPTION_OUTSIDE_ITS_PREFIX);
        }
    }

    static class OptionErrorWithoutTheKey extends OnFlawed {
        OptionErrorWithoutTheKey() {
            super(TransportFlaw.OPTION_ERROR_WITHOUT_THE_KEY);
        }
    }

    static class RefusesItsOwnDefault extends OnFlawed {
        RefusesItsOwnDefault() {
            super(TransportFlaw.REFUSES_ITS_OWN_DEFAULT);
        }
    }

    static class LosesTheChannel extends OnFlawed {
        LosesTheChannel() {
            super(TransportFlaw.LOSES_THE_CHANNEL);
        }
    }

    static class IgnoresMaxFrameBytes extends OnFlawed {
        IgnoresMaxFrameBytes() {
            super(TransportFlaw.IGNORES_MAX_FRAME_BYTES);
        }
    }

    static class DeliversEveryFrameTwice extends OnFlawed {
        DeliversEveryFrameTwice() {
            super(TransportFlaw.DELIVERS_EVERY_FRAME_TWICE);
        }
    }

    static class DialsOnlyPeersItWasToldOf extends OnFlawed {
        DialsOnlyPeersItWasToldOf() {
            super(TransportFlaw.DIALS_ONLY_PEERS_IT_WAS_TOLD_OF);
        }
    }

    static class ReportsEachSessionTwice extends OnFlawed {
        ReportsEachSessionTwice() {
            super(TransportFlaw.REPORTS_EACH_SESSION_TWICE);
        }
    }

    static class TrustsTheAddressNotTheKey extends OnFlawed {
        TrustsTheAddressNotTheKey() {
            super(TransportFlaw.TRUSTS_THE_ADDRESS_NOT_THE_KEY);
        }
    }

    static class NeverRedialsAPeerItLost extends OnFlawed {
        NeverRedialsAPeerItLost() {
            super(TransportFlaw.NEVER_REDIALS_A_PEER_IT_LOST);
        }
    }

    static class DisconnectDoesNothing extends OnFlawed {
        DisconnectDoesNothing() {
            super(TransportFlaw.DISCONNECT_DOES_NOTHING);
        }
    }

    static class CloseLeavesSessionsOpen extends OnFlawed {
        CloseLeavesSessionsOpen() {
            super(TransportFlaw.CLOSE_LEAVES_SESSIONS_OPEN);
        }
    }

    static class CloseAbandonsQueuedSends extends OnFlawed {
        CloseAbandonsQueuedSends() {
            super(TransportFlaw.CLOSE_ABANDONS_QUEUED_SENDS);
        }
    }

    static class WaitsForeverForAnAddress extends OnFlawed {
        WaitsForeverForAnAddress() {
            super(TransportFlaw.WAITS_FOREVER_FOR_AN_ADDRESS);
        }
    }

    static class SendWaitsForItsIoThread extends OnFlawed {
        SendWaitsForItsIoThread() {
            super(TransportFlaw.SEND_WAITS_FOR_ITS_IO_THREAD);
        }
    }

    static class DeliveryThreadDiesOnAListenerException extends OnFlawed {
        DeliveryThreadDiesOnAListenerException() {
            super(TransportFlaw.DELIVERY_THREAD_DIES_ON_A_LISTENER_EXCEPTION);
        }
    }

    static class SwallowsErrors extends OnFlawed {
        SwallowsErrors() {
            super(TransportFlaw.SWALLOWS_ERRORS);
        }
    }

    static class PauseDisconnects extends OnFlawed {
        PauseDisconnects() {
            super(TransportFlaw.PAUSE_DISCONNECTS);
        }
    }

    static class ThrowsOnForeignAddresses extends OnFlawed {
        ThrowsOnForeignAddresses() {
            super(TransportFlaw.THROWS_ON_FOREIGN_ADDRESSES);
        }
    }
}
