package org.tomprotocol.core.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.tomprotocol.api.OptionSpec;
import org.tomprotocol.api.PluginDescriptor;
import org.tomprotocol.api.spi.Availability;
import org.tomprotocol.api.spi.PluginSource;
import org.tomprotocol.api.spi.Provider;

/**
 * Every provider a node can use, found with {@link ServiceLoader} (the {@code uses} clauses are in this
 * module) or given explicitly, ordered by priority. A provider that cannot load or is unavailable is kept in
 * the report with its reason and never used; a broken plugin never stops the node.
 */
public final class ProviderRegistry {
    private static final System.Logger LOG = System.getLogger(ProviderRegistry.class.getName());

    private final Map<ProviderKind, List<Entry>> entries;
    private final List<String> duplicates;

    private ProviderRegistry(Map<ProviderKind, List<Entry>> entries, List<String> duplicates) {
        this.entries = entries;
        this.duplicates = List.copyOf(duplicates);
    }

    /** One sentence per provider id that two jars share, naming both; empty when ids are unique. */
    public List<String> duplicates() {
        return duplicates;
    }

    /** The options of every provider found, available or not. */
    public List<OptionSpec> declaredOptions() {
        List<OptionSpec> options = new ArrayList<>();
        entries.values().forEach(list -> list.forEach(entry -> options.addAll(entry.descriptor().options())));
        return options;
    }

    /** One provider as found, with its availability evaluated once. */
    private record Entry(Provider provider, PluginDescriptor descriptor) {
    }

    /**
     * Looks providers up.
     *
     * @param source         where ServiceLoader looks
     * @param explicit       provider instances given to the node builder; they win over loaded ones with the same id
     * @param serviceLoading whether to use ServiceLoader at all
     */
    public static ProviderRegistry load(PluginSource source, List<? extends Provider> explicit, boolean serviceLoading) {
        Map<ProviderKind, List<Entry>> found = new EnumMap<>(ProviderKind.class);
        List<String> duplicates = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            Map<String, Entry> byId = new LinkedHashMap<>();
            for (Provider provider : explicit) {
                if (ProviderKind.of(provider) == kind) {
                    byId.putIfAbsent(provider.id(), describe(kind, provider));
                }
            }
            if (serviceLoading) {
                for (Entry entry : loadKind(kind, source)) {
                    Entry first = byId.putIfAbsent(entry.descriptor().id(), entry);
                    if (first != null && first.provider() != null && !explicit.contains(first.provider())
                            && !first.descriptor().location().equals(entry.descriptor().location())) {
                        byId.put(entry.descriptor().id(), duplicate(first, entry));
                        duplicates.add(kind.label() + " providers " + first.descriptor().location() + " and "
                                + entry.descriptor().location() + " both have the id '" + entry.descriptor().id()
                                + "': remove one of the two jars");
                    }
                }
            }
            List<Entry> sorted = new ArrayList<>(byId.values());
            sorted.sort(Comparator.comparingInt((Entry e) -> e.descriptor().priority()).reversed());
            found.put(kind, List.copyOf(sorted));
        }
        return new ProviderRegistry(found, duplicates);
    }

    /** Two jars provide the same id: neither is used, and the node refuses to start (see {@link #duplicates}). */
    private static Entry duplicate(Entry first, Entry second) {
        PluginDescriptor d = first.descriptor();
        return new Entry(null, new PluginDescriptor(d.kind(), d.id(), d.version(), d.module(), d.location(),
                d.priority(), false, "duplicate id: also provided by " + second.descriptor().location(),
                d.options()));
    }

    private static List<Entry> loadKind(ProviderKind kind, PluginSource source) {
        ServiceLoader<? extends Provider> loader = source.layer()
                .<ServiceLoader<? extends Provider>>map(layer -> ServiceLoader.load(layer, kind.service()))
                .orElseGet(() -> ServiceLoader.load(kind.service(), source.classLoader()));
        List<Entry> result = new ArrayList<>();
        Iterator<? extends Provider> iterator = loader.iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                result.add(describe(kind, iterator.next()));
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.log(Level.WARNING, "skipping a " + kind.label() + " provider that cannot be loaded: " + e);
                result.add(new Entry(null, new PluginDescriptor(kind.label(), "(broken)", "unknown", "unknown",
                        "unknown", Integer.MIN_VALUE, false, "cannot be loaded: " + e.getMessage(), List.of())));
            }
        }
        return result;
    }

    private static Entry describe(ProviderKind kind, Provider provider) {
        ProviderOrigin origin = ProviderOrigin.of(provider.getClass());
        Availability availability;
        try {
            availability = provider.availability();
        } catch (RuntimeException | LinkageError e) {
            availability = Availability.unavailable("availability check failed", e);
        }
        if (!availability.available()) {
            LOG.log(Level.INFO, "{0} provider ''{1}'' is unavailable: {2}", kind.label(), provider.id(),
                    availability.reason());
        }
        List<OptionSpec> options;
        try {
            options = List.copyOf(provider.options());
        } catch (RuntimeException | LinkageError e) {
            options = List.of();
            availability = Availability.unavailable("its option list failed", e);
        }
        return new Entry(provider, new PluginDescriptor(kind.label(), provider.id(), origin.version(),
                origin.module(), origin.location(), provider.priority(), availability.available(),
                availability.reason(), options));
    }

    /** The available providers of a kind, highest priority first. */
    public <T extends Provider> List<T> available(ProviderKind kind, Class<T> type) {
        List<T> result = new ArrayList<>();
        for (Entry entry : entries.get(kind)) {
            if (entry.provider() != null && entry.descriptor().available()) {
                result.add(type.cast(entry.provider()));
            }
        }
        return result;
    }

    /** Every provider found, available or not, by kind then priority. */
    public List<PluginDescriptor> report() {
        List<PluginDescriptor> report = new ArrayList<>();
        for (List<Entry> list : entries.values()) {
            list.forEach(entry -> report.add(entry.descriptor()));
        }
        return List.copyOf(report);
    }

    /** Why no provider of {@code kind} is usable: one clause per provider found, or "none found". */
    public String explainUnavailable(ProviderKind kind) {
        List<Entry> list = entries.get(kind);
        if (list.isEmpty()) {
            return "no " + kind.label() + " provider found";
        }
        StringBuilder text = new StringBuilder();
        for (Entry entry : list) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(entry.descriptor().id()).append(": ")
                    .append(entry.descriptor().available() ? "available" : entry.descriptor().unavailableReason());
        }
        return text.toString();
    }
}
