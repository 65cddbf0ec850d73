package org.tomprotocol.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomprotocol.api.Api;
import org.tomprotocol.api.OptionSpec;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.api.spi.Provider;

/**
 * The checks every provider passes, whatever its kind: it describes itself and says whether it works here
 * without throwing, and it declares its options well. The suites of each kind extend this class; a plugin author
 * extends those.
 *
 * <p>Checks are public so that JUnit reaches them on the module path too. JUnit creates one instance per check, and
 * {@link #provider()} is asked once per check. A check that hangs on a broken provider ends after two minutes.
 *
 * @param <P> the kind of provider
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class ProviderTck<P extends Provider> {
    private P underTest;

    /** The provider to check; a fresh one for each check is fine. */
    protected abstract P provider();

    /**
     * The prefix every option key of the provider starts with ({@code Provider.options()}): by default its id and a
     * dot, e.g. {@code gossip.}.
     */
    protected String optionPrefix() {
        return underTest().id() + ".";
    }

    /** The provider of the current check, asked of {@link #provider()} once. */
    protected final P underTest() {
        if (underTest == null) {
            underTest = Objects.requireNonNull(provider(), "provider() returned null");
        }
        return underTest;
    }

    @Test
    public void availabilityAnswersWithoutThrowingAndSaysTheProviderWorksHere() {
        P provider = underTest();
        String id = assertDoesNotThrow(provider::id, "id() must not throw");
        assertNotNull(id, "id() returned null");
        assertFalse(id.isBlank() || id.chars().anyMatch(Character::isWhitespace),
                () -> "id() must be a short name without spaces, got '" + id + "'");
        assertEquals(id, provider.id(), "id() must give the same id every time");
        assertDoesNotThrow(provider::priority, "priority() must not throw");
        Availability availability = assertDoesNotThrow(provider::availability,
                "availability() must not throw: a provider that cannot work says why (Availability.unavailable)");
        assertNotNull(availability, "availability() returned null");
        assertTrue(availability.available(), () -> "the provider says it cannot work here: " + availability.reason()
                + " (run the TCK where it can)");
    }

    @Test
    public void optionsAreDeclaredOnceEachUnderTheProvidersPrefix() {
        P provider = underTest();
        List<OptionSpec> options = assertDoesNotThrow(provider::options, "options() must not throw");
        assertNotNull(options, "options() returned null: return an empty list");
        String prefix = optionPrefix();
        Set<String> keys = new HashSet<>();
        for (OptionSpec option : options) {
            assertNotNull(option, "options() holds null");
            assertTrue(option.key().startsWith(prefix),
                    () -> "option " + option.key() + " does not start with the provider's prefix " + prefix);
            assertTrue(keys.add(option.key()), () -> "option " + option.key() + " is declared twice");
            assertFalse(option.description().isBlank(), () -> "option " + option.key() + " has no description");
        }
        assertEquals(options, provider.options(), "options() must declare the same options every time");
    }
}
