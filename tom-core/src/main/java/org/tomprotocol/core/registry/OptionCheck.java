package org.tomprotocol.core.registry;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.OptionSpec;

/**
 * Checks a node's options against those the engine and the providers found declare, before anything starts: an
 * unknown key (a typo, or an option of a provider that is not there) and a value of the wrong type are errors
 * that name the key and what would be valid.
 */
public final class OptionCheck {
    private OptionCheck() {
    }

    /** @throws ConfigurationException naming the first unknown key or mistyped value */
    public static void check(Map<String, String> options, Collection<OptionSpec> declared) {
        Map<String, OptionSpec> byKey = new TreeMap<>();
        declared.forEach(spec -> byKey.putIfAbsent(spec.key(), spec));
        for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
            OptionSpec spec = byKey.get(option.getKey());
            if (spec == null) {
                throw new ConfigurationException("unknown option '" + option.getKey() + "'; valid options"
                        + validFor(option.getKey(), byKey));
            }
            spec.problemWith(option.getValue()).ifPresent(problem -> {
                throw new ConfigurationException(problem + " (" + spec.description() + ")");
            });
        }
    }

    /** The keys sharing the unknown key's prefix if any do, else every key. */
    private static String validFor(String key, Map<String, OptionSpec> byKey) {
        String prefix = key.contains(".") ? key.substring(0, key.indexOf('.') + 1) : key;
        String sameProvider = byKey.keySet().stream().filter(k -> k.startsWith(prefix))
                .collect(Collectors.joining(", "));
        if (!sameProvider.isEmpty()) {
            return " starting with " + prefix + " are: " + sameProvider;
        }
        return " are: " + String.join(", ", byKey.keySet());
    }
}
