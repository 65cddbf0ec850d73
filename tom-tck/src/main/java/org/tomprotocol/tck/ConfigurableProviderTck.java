package org.tomprotocol.tck;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.Api;
import org.tomprotocol.api.OptionSpec;
import org.tomprotocol.api.spi.Provider;

/**
 * The checks of providers that read the node's options (transports, discovery): a value of the wrong type is
 * refused with an error naming its key, and the declared defaults, given explicitly, are accepted. A node already
 * refuses wrongly typed values before a provider sees them; a provider reached another way must not fail with a
 * bare {@code NumberFormatException} either.
 *
 * @param <P> the kind of provider
 */
@Api(status = Api.Status.INCUBATING, since = "0.1")
public abstract class ConfigurableProviderTck<P extends Provider> extends ProviderTck<P> {
    /**
     * Starts the provider with {@code options} added to the suite's own, then stops it; throws what the provider
     * throws when it refuses them.
     */
    protected abstract void startWith(Map<String, String> options) throws Exception;

    @Test
    public void aValueOfTheWrongTypeIsRefusedNamingItsKey() {
        for (OptionSpec option : underTest().options()) {
            String wrong = switch (option.type()) {
                case TEXT -> null;
                case BOOLEAN -> "maybe";
                case INTEGER, MILLISECONDS, BYTES -> "not-a-number";
            };
            if (wrong == null) {
                continue;
            }
            Throwable refusal = null;
            try {
                startWith(Map.of(option.key(), wrong));
            } catch (Exception | LinkageError e) {
                refusal = e;
            }
            if (refusal == null) {
                fail("option " + option.key() + "='" + wrong + "' (not " + option.type().what() + ") was accepted");
            }
            if (!names(refusal, option.key())) {
                fail("option " + option.key() + "='" + wrong + "' was refused, but the error does not name the key: "
                        + refusal, refusal);
            }
        }
    }

    @Test
    public void everyOptionAtItsDeclaredDefaultIsAccepted() {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (OptionSpec option : underTest().options()) {
            if (!option.defaultValue().isEmpty()) {
                defaults.put(option.key(), option.defaultValue());
            }
        }
        assertDoesNotThrow(() -> startWith(defaults), () -> "the provider refuses its declared defaults " + defaults);
    }

    private static boolean names(Throwable error, String key) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(key)) {
                return true;
            }
        }
        return false;
    }
}
