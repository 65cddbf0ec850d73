package org.tomprotocol.tck;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomprotocol.spi.store.StoreProvider;
import org.tomprotocol.tck.fixtures.ReferenceStoreProvider;
import org.tomprotocol.tck.fixtures.StoreFlaw;

/** Every check of {@link StoreTck} passes on the reference store and fails on a store broken for it. */
class StoreTckCanFailTest {
    static final Map<String, Class<?>> BROKEN = Map.ofEntries(
            entry("availabilityAnswersWithoutThrowingAndSaysTheProviderWorksHere", AvailabilityThrows.class),
            entry("optionsAreDeclaredOnceEachUnderTheProvidersPrefix", OptionOutsideItsPrefix.class),
            entry("aValueIsReadUntilItsExpiryAndNeverAfter", ReturnsExpiredEntries.class),
            entry("putReplacesTheValueAndItsExpiry", KeepsTheFirstExpiry.class),
            entry("namespacesAndKeysAreIndependent", JoinsNamespaceAndKey.class),
            entry("keysListsOnlyTheUnexpiredEntriesOfTheNamespace", ListsExpiredKeys.class),
            entry("purgeDeletesEveryExpiredEntryForGood", PurgeOnlyHides.class),
            entry("entriesSurviveCloseAndReopen", ForgetsEverythingOnClose.class),
            entry("removeSaysWhetherTheEntryExisted", RemoveAlwaysSaysYes.class),
            entry("valuesAreCopiedInAndOut", KeepsTheCallersArray.class),
            entry("emptyAndLargeValuesAreKeptWhole", TruncatesLargeValues.class),
            entry("namespacesAndKeysNeverEscapeTheStoresDirectory", WritesAFileNamedAfterEachKey.class),
            entry("openCreatesTheDirectoryIfNeeded", NeedsAnExistingDirectory.class),
            entry("aBatchIsInvisibleUntilItsCommit", BatchWritesBeforeCommit.class),
            entry("aCommittedBatchIsWholeAfterCloseAndReopen", BatchNotSaved.class),
            entry("aBatchAppliesItsChangesInOrder", BatchAppliesRemovesFirst.class),
            entry("aBatchCopiesEachValueWhenItIsAdded", BatchKeepsTheCallersArray.class));

    static List<String> checks() {
        return TckRun.checksOf(StoreTck.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void theCheckPassesOnTheReferenceStoreAndFailsOnOneBrokenForIt(String check) {
        TckRun.passesOnHonestAndFailsOnBroken(Honest.class, BROKEN, check);
    }

    @Test
    void everyBrokenStoreIsNamedForACheckThatExists() {
        org.assertj.core.api.Assertions.assertThat(checks()).containsAll(BROKEN.keySet());
    }

    /** The suite on the reference store with one flaw. */
    @ExtendWith(FixtureGate.class)
    abstract static class OnFlawed extends StoreTck {
        private final StoreFlaw flaw;

        OnFlawed(StoreFlaw flaw) {
            this.flaw = flaw;
        }

        @Override
        protected StoreProvider provider() {
            return new ReferenceStoreProvider(flaw);
        }
    }

    static class Honest extends OnFlawed {
        Honest() {
            super(StoreFlaw.NONE);
        }
    }

    static class AvailabilityThrows extends OnFlawed {
        AvailabilityThrows() {
            super(StoreFlaw.AVAILABILITY_THROWS);
        }
    }

    static class OptionOutsideItsPrefix extends OnFlawed {
        OptionOutsideItsPrefix() {
            super(StoreFlaw.OPTION_OUTSIDE_ITS_PREFIX);
        }
    }

    static class ReturnsExpiredEntries extends OnFlawed {
        ReturnsExpiredEntries() {
            super(StoreFlaw.RETURNS_EXPIRED_ENTRIES);
        }
    }

    static class KeepsTheFirstExpiry extends OnFlawed {
        KeepsTheFirstExpiry() {
            super(StoreFlaw.KEEPS_THE_FIRST_EXPIRY);
        }
    }

    static class JoinsNamespaceAndKey extends OnFlawed {
        JoinsNamespaceAndKey() {
            super(StoreFlaw.JOINS_NAMESPACE_AND_KEY);
        }
    }

    static class ListsExpiredKeys extends OnFlawed {
        ListsExpiredKeys() {
            super(StoreFlaw.LISTS_EXPIRED_KEYS);
        }
    }

    static class PurgeOnlyHides extends OnFlawed {
        PurgeOnlyHides() {
            super(StoreFlaw.PURGE_ONLY_HIDES);
        }
    }

    static class ForgetsEverythingOnClose extends OnFlawed {
        ForgetsEverythingOnClose() {
            super(StoreFlaw.FORGETS_EVERYTHING_ON_CLOSE);
        }
    }

    static class RemoveAlwaysSaysYes extends OnFlawed {
        RemoveAlwaysSaysYes() {
            super(StoreFlaw.REMOVE_ALWAYS_SAYS_YES);
        }
    }

    static class KeepsTheCallersArray extends OnFlawed {
        KeepsTheCallersArray() {
            super(StoreFlaw.KEEPS_THE_CALLERS_ARRAY);
        }
    }

    static class TruncatesLargeValues extends OnFlawed {
        TruncatesLargeValues() {
            super(StoreFlaw.TRUNCATES_LARGE_VALUES);
        }
    }

    static class WritesAFileNamedAfterEachKey extends OnFlawed {
        WritesAFileNamedAfterEachKey() {
            super(StoreFlaw.WRITES_A_FILE_NAMED_AFTER_EACH_KEY);
        }
    }

    static class NeedsAnExistingDirectory extends OnFlawed {
        NeedsAnExistingDirectory() {
            super(StoreFlaw.NEEDS_AN_EXISTING_DIRECTORY);
        }
    }

    static class BatchWritesBeforeCommit extends OnFlawed {
        BatchWritesBeforeCommit() {
            super(StoreFlaw.BATCH_WRITES_BEFORE_COMMIT);
        }
    }

    static class BatchNotSaved extends OnFlawed {
        BatchNotSaved() {
            super(StoreFlaw.BATCH_NOT_SAVED);
        }
    }

    static class BatchAppliesRemovesFirst extends OnFlawed {
        BatchAppliesRemovesFirst() {
            super(StoreFlaw.BATCH_APPLIES_REMOVES_FIRST);
        }
    }

    static class BatchKeepsTheCallersArray extends OnFlawed {
        BatchKeepsTheCallersArray() {
            super(StoreFlaw.BATCH_KEEPS_THE_CALLERS_ARRAY);
        }
    }
}
