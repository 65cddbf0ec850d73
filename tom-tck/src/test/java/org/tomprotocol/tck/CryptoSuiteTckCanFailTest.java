package org.tomprotocol.tck;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomprotocol.spi.crypto.CryptoSuiteProvider;
import org.tomprotocol.tck.fixtures.FlawedCryptoSuiteProvider;
import org.tomprotocol.tck.fixtures.CryptoFlaw;

/** Every check of {@link CryptoSuiteTck} passes on tom-v1 and fails on a suite broken for it. */
class CryptoSuiteTckCanFailTest {
    static final Map<String, Class<?>> BROKEN = Map.ofEntries(
            entry("availabilityAnswersWithoutThrowingAndSaysTheProviderWorksHere", AvailabilityThrows.class),
            entry("optionsAreDeclaredOnceEachUnderTheProvidersPrefix", OptionOutsideItsPrefix.class),
            entry("theSuiteIdIsAProtocolVersionToken", SuiteIdIsNotAProtocolToken.class),
            entry("identitiesFromTheVectorSeedsHaveTheVectorIds", DerivesKeysFromAHashedSeed.class),
            entry("signaturesMatchTheWireVectorsAndVerify", PreHashesMessages.class),
            entry("vectorPayloadsOpenToTheirPlaintext", OwnSealingFormat.class),
            entry("signaturesVerifyOnlyWhenNothingWasAltered", VerifyThrowsOnAShortSignature.class),
            entry("verificationIsStrict", ReducesSModuloL.class),
            entry("smallOrderPointsAreNotValidPublicKeys", AcceptsEveryKey.class),
            entry("sealedPayloadsOpenOnlyForTheirRecipientAndAreFreshEachTime", SealsDeterministically.class),
            entry("alteredSealedPayloadsFailWithACryptoExceptionOnly", OpenThrowsWhateverFails.class),
            entry("sealingToASmallOrderKeyFails", SealsEvenToBadKeys.class),
            entry("symmetricEncryptionRoundTripsWithFreshNoncesAndRejectsTampering", ReusesAFixedNonce.class),
            entry("aSeedIsCopiedAndNoSecretShowsInText", IdentityShowsItsSeed.class),
            entry("identitiesAreKeptInAnOwnerOnlySeedFile", SeedFileReadableByAll.class),
            entry("generatedIdentitiesAreDistinctValidAndSign", AlwaysTheSameIdentity.class),
            entry("deriveKeyIsHmacSha256OnRfc4231sVectors", HmacOverSha512.class));

    static List<String> checks() {
        return TckRun.checksOf(CryptoSuiteTck.class);
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
    abstract static class OnFlawed extends CryptoSuiteTck {
        private final CryptoFlaw flaw;

        OnFlawed(CryptoFlaw flaw) {
            this.flaw = flaw;
        }

        @Override
        protected CryptoSuiteProvider provider() {
            return new FlawedCryptoSuiteProvider(flaw);
        }
    }

    static class Honest extends OnFlawed {
        Honest() {
            super(CryptoFlaw.NONE);
        }
    }

    static class AvailabilityThrows extends OnFlawed {
        AvailabilityThrows() {
            super(CryptoFlaw.AVAILABILITY_THROWS);
        }
    }

    static class OptionOutsideItsPrefix extends OnFlawed {
        OptionOutsideItsPrefix() {
            super(CryptoFlaw.OPTION_OUTSIDE_ITS_PREFIX);
        }
    }

    static class SuiteIdIsNotAProtocolToken extends OnFlawed {
        SuiteIdIsNotAProtocolToken() {
            super(CryptoFlaw.SUITE_ID_IS_NOT_A_PROTOCOL_TOKEN);
        }
    }

    static class DerivesKeysFromAHashedSeed extends OnFlawed {
        DerivesKeysFromAHashedSeed() {
            super(CryptoFlaw.DERIVES_KEYS_FROM_A_HASHED_SEED);
        }
    }

    static class PreHashesMessages extends OnFlawed {
        PreHashesMessages() {
            super(CryptoFlaw.PRE_HASHES_MESSAGES);
        }
    }

    static class OwnSealingFormat extends OnFlawed {
        OwnSealingFormat() {
            super(CryptoFlaw.OWN_SEALING_FORMAT);
        }
    }

    static class VerifyThrowsOnAShortSignature extends OnFlawed {
        VerifyThrowsOnAShortSignature() {
            super(CryptoFlaw.VERIFY_THROWS_ON_A_SHORT_SIGNATURE);
        }
    }

    static class ReducesSModuloL extends OnFlawed {
        ReducesSModuloL() {
            super(CryptoFlaw.REDUCES_S_MODULO_L);
        }
    }

    static class AcceptsEveryKey extends OnFlawed {
        AcceptsEveryKey() {
            super(CryptoFlaw.ACCEPTS_EVERY_KEY);
        }
    }

    static class SealsDeterministically extends OnFlawed {
        SealsDeterministically() {
            super(CryptoFlaw.SEALS_DETERMINISTICALLY);
        }
    }

    static class OpenThrowsWhateverFails extends OnFlawed {
        OpenThrowsWhateverFails() {
            super(CryptoFlaw.OPEN_THROWS_WHATEVER_FAILS);
        }
    }

    static class SealsEvenToBadKeys extends OnFlawed {
        SealsEvenToBadKeys() {
            super(CryptoFlaw.SEALS_EVEN_TO_BAD_KEYS);
        }
    }

    static class ReusesAFixedNonce extends OnFlawed {
        ReusesAFixedNonce() {
            super(CryptoFlaw.REUSES_A_FIXED_NONCE);
        }
    }

    static class IdentityShowsItsSeed extends OnFlawed {
        IdentityShowsItsSeed() {
            super(CryptoFlaw.IDENTITY_SHOWS_ITS_SEED);
        }
    }

    static class SeedFileReadableByAll extends OnFlawed {
        SeedFileReadableByAll() {
            super(CryptoFlaw.SEED_FILE_READABLE_BY_ALL);
        }
    }

    static class AlwaysTheSameIdentity extends OnFlawed {
        AlwaysTheSameIdentity() {
            super(CryptoFlaw.ALWAYS_THE_SAME_IDENTITY);
        }
    }

    static class HmacOverSha512 extends OnFlawed {
        HmacOverSha512() {
            super(CryptoFlaw.HMAC_OVER_SHA512);
        }
    }
}
