package org.tomprotocol.core.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomprotocol.api.NodeMetrics;

/**
 * How the flat keys the node counts under ({@code rejected.bad-signature}, {@code forwarded}) become typed
 * counters: a family and labels. Keys with a family prefix take their labels from the rest of the key, in
 * order, the last label taking whatever remains ({@code messages.failed.no-route} is
 * {@code messages{outcome=failed, reason=no-route}}); a few keys are renamed into a family; every other key
 * is a family of its own, without labels, with its dashes and dots made underscores.
 */
final class CounterCatalogue {
    private record Family(String prefix, String name, List<String> labels) {
    }

    private record Alias(String name, Map<String, String> labels) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("rejected.", "rejected", List.of("reason")),
            new Family("messages.", "messages", List.of("outcome", "reason")),
            new Family("path-changes.", "path_changes", List.of("from", "to")),
            new Family("transmissions.", "transmissions", List.of("profile")));

    private static final Map<String, Alias> ALIASES = Map.of(
            "forwarded", new Alias("relay_work", Map.of("work", "forwarded")),
            "forward-failed", new Alias("relay_work", Map.of("work", "forward-failed")),
            "relay-acknowledged", new Alias("relay_work", Map.of("work", "acknowledged")),
            "delivered-to-app", new Alias("messages_received", Map.of()));

    private CounterCatalogue() {
    }

    /** The typed counter for {@code key}. */
    static NodeMetrics.Counter counter(String key, long value) {
        Alias alias = ALIASES.get(key);
        if (alias != null) {
            return new NodeMetrics.Counter(key, alias.name(), alias.labels(), value);
        }
        for (Family family : FAMILIES) {
            if (key.startsWith(family.prefix()) && key.length() > family.prefix().length()) {
                String[] values = key.substring(family.prefix().length()).split("\\.", family.labels().size());
                Map<String, String> labels = new LinkedHashMap<>();
                for (int i = 0; i < values.length; i++) {
                    labels.put(family.labels().get(i), values[i]);
                }
                return new NodeMetrics.Counter(key, family.name(), labels, value);
            }
        }
        return new NodeMetrics.Counter(key, key.replace('-', '_').replace('.', '_'), Map.of(), value);
    }
}
