package org.tomprotocol.core.runtime;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

import org.tomprotocol.api.ConfigurationException;
import org.tomprotocol.api.DeliveryFailedException;
import org.tomprotocol.api.NoProviderException;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.spi.runtime.EngineRuntime;
import org.tomprotocol.spi.runtime.RuntimeProvider;
import org.tomprotocol.api.spi.NodeConfig;
import org.tomprotocol.core.engine.InboundVerifier;
import org.tomprotocol.core.engine.NodeEngine;
import org.tomprotocol.core.engine.ProtocolConstants;
import org.tomprotocol.core.registry.CryptoSelection;
import org.tomprotocol.core.registry.EngineOptions;
import org.tomprotocol.core.registry.OptionCheck;
import org.tomprotocol.core.registry.ProviderKind;
import org.tomprotocol.core.registry.ProviderRegistry;
import org.tomprotocol.core.wire.EnvelopeCodec;
import org.tomprotocol.core.wire.PeerAnnounce;
import org.tomprotocol.spi.anchor.AnchorProvider;
import org.tomprotocol.spi.crypto.CryptoSuite;
import org.tomprotocol.spi.crypto.LocalIdentity;
import org.tomprotocol.spi.discovery.Discovery;
import org.tomprotocol.spi.discovery.DiscoveryProvider;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;
import org.tomprotocol.spi.store.StoreProvider;
import org.tomprotocol.spi.transport.TransportProvider;

/** Assembles a running node from a configuration and the providers found. */
public final class NodeAssembly {
    private static final System.Logger LOG = System.getLogger(NodeAssembly.class.getName());
    private static final int NETWORK_QUEUE_CAPACITY = 65_536;

    private NodeAssembly() {
    }

    /** A name longer than an announce can carry would make every other node refuse this node's announces. */
    private static void checkNodeName(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PeerAnnounce.MAX_USERNAME_BYTES) {
            throw new ConfigurationException("node.name is " + bytes + " bytes of UTF-8: a node name has at most "
                    + PeerAnnounce.MAX_USERNAME_BYTES + " (other nodes would refuse its announces)");
        }
    }

    public static TomNode start(NodeConfig config) {
        checkNodeName(config.option(EngineOptions.NODE_NAME.key(), ""));
        ProviderRegistry registry = ProviderRegistry.load(config.plugins(), config.providers(), config.serviceLoading());
        if (!registry.duplicates().isEmpty()) {
            throw new ConfigurationException(String.join("; ", registry.duplicates()));
        }
        List<org.tomprotocol.api.OptionSpec> declared = new ArrayList<>(EngineOptions.ALL);
        declared.addAll(registry.declaredOptions());
        OptionCheck.check(config.options(), declared);
        CryptoSuite crypto = CryptoSelection.suite(registry);
        LocalIdentity identity = identity(config, crypto);
        NodeId local = identity.id();
        List<RuntimeProvider> runtimes = registry.available(ProviderKind.RUNTIME, RuntimeProvider.class);
        ThreadedRuntime owned = runtimes.isEmpty() ? new ThreadedRuntime(local.shortForm()) : null;
        EngineRuntime runtime = owned != null ? owned : runtimes.get(0).runtime(local.shortForm());
        try {
            return assemble(config, registry, crypto, identity, runtime, owned);
        } catch (RuntimeException e) {
            runtime.release();
            throw e;
        }
    }

    private static LocalIdentity identity(NodeConfig config, CryptoSuite crypto) {
        if (config.identitySeed().isPresent()) {
            return crypto.identityFromSeed(config.identitySeed().get());
        }
        return config.dataDir()
                .map(dir -> crypto.loadOrCreateIdentity(dir.resolve(CryptoSelection.SEED_FILE)).identity())
                .orElseGet(crypto::generateIdentity);
    }

    private static TomNode assemble(NodeConfig config, ProviderRegistry registry, CryptoSuite crypto,
                                    LocalIdentity identity, EngineRuntime runtime, ThreadedRuntime owned) {
        NodeId local = identity.id();
        Metrics metrics = new Metrics();
        NodeHealth health = new NodeHealth(local.shortForm(), runtime.clock(), metrics);
        Executor workers = health.guard("workers", runtime.workers());
        NodeAgent agent = new NodeAgent(local.shortForm(), runtime.clock(), metrics, health, NETWORK_QUEUE_CAPACITY);
        PeerBudgets budgets = new PeerBudgets(runtime.clock(), metrics);
        CryptoTimes cryptoTimes = new CryptoTimes(metrics, System::nanoTime);
        CryptoSuite timedCrypto = new TimedCryptoSuite(crypto, cryptoTimes);
        EnvelopeSigner signer = new EnvelopeSigner(timedCrypto, identity, cryptoTimes);
        DeferredEvents events = new DeferredEvents();
        AnchorObserver anchor = registry.available(ProviderKind.ANCHOR, AnchorProvider.class).stream().findFirst()
                .map(provider -> new AnchorObserver(provider.open(local))).orElseGet(AnchorObserver::none);
        Links links = new Links();
        EffectExecutor effects = new EffectExecutor(local, agent, workers, runtime.callbacks(), links,
                signer, metrics, events, anchor, budgets,
                (hashes, work) -> runtime.proofOfWork(hashes, () -> health.run("workers", work)));
        MessageIds ids = config.randomSeed().isPresent() ? MessageIds.seeded(config.randomSeed().getAsLong(), local)
                : MessageIds.random();
        effects.idsFrom(ids);
        NodeEngine engine = new NodeEngine(identity, timedCrypto, effects);
        engine.writeCompact(EngineOptions.writesCompact(config.options()));
        engine.admissionBudget(EngineOptions.admissionBudget(config.options()));
        engine.maxStampBits(EngineOptions.maxStampBits(config.options()));
        OwedStamps owed = new OwedStamps();
        InboundPipeline inbound = new InboundPipeline(new InboundVerifier(timedCrypto, identity, signer, owed, ids), agent,
                engine, metrics, health, budgets, owed);
        effects.bind(engine, inbound);
        SplittableRandom random = config.randomSeed().isPresent()
                ? new SplittableRandom(config.randomSeed().getAsLong()) : new SplittableRandom();
        DiscoveryBridge discovery = new DiscoveryBridge(local, agent, engine, links, signer, workers, metrics,
                config.bootstrap(), random, config.options(), budgets);

        // opened first, as it may refuse the data directory; closed again (its file unlocked) if the start fails
        DurableState durable = DurableState.open(config.dataDir(),
                registry.available(ProviderKind.STORE, StoreProvider.class), workers, metrics);
        effects.durable(durable);
        List<DiscoveryProvider> discoveries = registry.available(ProviderKind.DISCOVERY, DiscoveryProvider.class);
        Discovery created;
        try {
            bindTransports(config, registry, crypto, identity, links,
                    () -> new TransportEvents(agent, engine, links, inbound, discovery, metrics, health, budgets));
            created = discoveries.isEmpty() ? null : createDiscovery(discoveries.get(0), discovery, links);
        } catch (RuntimeException e) {
            durable.close();
            throw e;
        }
        AgentHolder holder = new AgentHolder();
        NodeParts parts = new NodeParts(local, crypto, signer, agent, engine, links, discovery, metrics, runtime,
                owned, holder, anchor, health, durable, ids);
        NodeFacade facade = new NodeFacade(parts, Math.min(config.sendQueueCapacity(), ProtocolConstants.MAX_TRACKED),
                config.maxPayloadBytes());
        events.target(facade);
        NodeGauges.register(metrics, agent, facade);
        health.onFailure(failure -> runtime.callbacks().execute(() -> facade.failed(failure)));
        agent.onPeersChanged(facade::refreshPeers);

        long now = agent.now();
        agent.recurring(now, tick -> {
            engine.onLivenessTick(tick);
            facade.refreshPeers();
            return tick + ProtocolConstants.LIVENESS_TICK_MS;
        });
        agent.recurring(now, tick -> {
            engine.onGroupTick(tick);
            return tick + ProtocolConstants.GROUP_TICK_MS;
        });
        agent.recurring(now + ProtocolConstants.CACHE_PURGE_TICK_MS, tick -> {
            engine.onPurgeTick(tick);
            budgets.forgetIdle();
            Instant oldest = Instant.ofEpochMilli(tick - ProtocolConstants.MAX_AGE_MS);
            runtime.callbacks().execute(() -> facade.forgetSentBefore(oldest));
            if (durable.isDurable()) {
                durable.peers(knownPeers(engine), tick);
                durable.purge(tick);
            }
            return tick + ProtocolConstants.CACHE_PURGE_TICK_MS;
        });
        DurableState.Resumed resumed = durable.load(now);
        // the peers it was told now, kept at once: a node killed before its first peer-book write still rejoins
        durable.peers(config.bootstrap(), now);
        discovery.ticker(agent.recurring(Long.MAX_VALUE, discovery::tick));
        holder.set(runtime.attach(agent));
        agent.attached(holder);
        agent.offerControl(() -> {
            long start = agent.now();
            if (created != null) {
                discovery.start(created, start);
            }
            for (PeerAddress peer : config.bootstrap()) {
                engine.addPeer(peer.id(), peer.addresses(), start);
            }
            engine.onGroups(start, groups -> {
                groups.keepGroups(durable.isDurable());
                groups.postCopies(EngineOptions.sendsPostCopies(config.options()));
            });
            resume(resumed, engine, discovery, start);
            resumeGroups(resumed.groups(), engine, crypto, identity, metrics, start);
        });
        LOG.log(Level.DEBUG, "node {0} started with transports {1}, discovery {2}", local.shortForm(),
                links.bound().stream().map(Links.Bound::scheme).toList(),
                discoveries.isEmpty() ? "none" : discoveries.get(0).id());
        return facade;
    }

    /** A restarted durable node: what it delivered, the peers it knew, then its unfinished messages. */
    private static void resume(DurableState.Resumed resumed, NodeEngine engine, DiscoveryBridge discovery, long now) {
        for (DurableState.Delivered delivered : resumed.delivered()) {
            engine.rememberDelivered(delivered.from(), delivered.id(), delivered.timestamp());
        }
        for (org.tomprotocol.core.wire.BackupCopy copy : resumed.copies()) {
            engine.restoreCopy(copy, now);
        }
        for (PeerAddress peer : resumed.peers()) {
            engine.addPeer(peer.id(), peer.addresses(), now);
        }
        if (!resumed.peers().isEmpty()) {
            discovery.join(resumed.peers(), now);
        }
        for (org.tomprotocol.core.engine.OutboundState message : resumed.outbox()) {
            if (!engine.submit(message, now)) {
                LOG.log(Level.WARNING, "a message kept from before the restart could not be resumed: too many in flight");
            }
        }
        if (!resumed.outbox().isEmpty() || !resumed.copies().isEmpty()) {
            LOG.log(Level.INFO, "resumed {0} unfinished messages, {1} copies held for others and {2} peers from the store",
                    resumed.outbox().size(), resumed.copies().size(), resumed.peers().size());
        }
    }

    /**
     * The groups the node was in before its restart, opened with its own key; a kept state that does not open or
     * read is counted and logged, and the others are restored all the same.
     */
    private static void resumeGroups(KeptGroups.Loaded kept, NodeEngine engine, CryptoSuite crypto,
                                     LocalIdentity identity, Metrics metrics, long now) {
        for (byte[] sealed : kept.sealedStates()) {
            org.tomprotocol.core.wire.GroupSnapshot state;
            try {
                state = KeptGroups.opened(crypto, identity, sealed);
            } catch (org.tomprotocol.spi.crypto.CryptoException | org.tomprotocol.core.wire.WireException e) {
                metrics.increment("store-errors");
                LOG.log(Level.WARNING, "a group kept in the store cannot be read back: {0}", e.getMessage());
                continue;
            }
            engine.onGroups(now, groups -> groups.restore(state, kept.shown().getOrDefault(state.group(), List.of()),
                    now));
        }
        if (!kept.sealedStates().isEmpty()) {
            LOG.log(Level.INFO, "resumed {0} groups from the store", kept.sealedStates().size());
        }
    }

    /** The peers with addresses in the engine's table (agent thread). */
    private static List<PeerAddress> knownPeers(NodeEngine engine) {
        List<PeerAddress> known = new ArrayList<>();
        engine.peers().all().forEach(peer -> {
            if (!peer.addresses().isEmpty()) {
                known.add(new PeerAddress(peer.id(), peer.addresses()));
            }
        });
        return known;
    }

    /**
     * Creates the discovery before the node runs, so that options it refuses (a missing file, a value out of range)
     * stop the start with the provider's message instead of leaving a node without discovery; the transports
     * already bound are closed then. The discovery still starts on the agent.
     */
    private static Discovery createDiscovery(DiscoveryProvider provider, DiscoveryBridge context, Links links) {
        try {
            return java.util.Objects.requireNonNull(provider.create(context), "create returned null");
        } catch (ConfigurationException e) {
            links.closeAll();
            throw e;
        } catch (RuntimeException e) {
            links.closeAll();
            throw new ConfigurationException("discovery '" + provider.id() + "' could not start: " + e.getMessage(), e);
        }
    }

    private static void bindTransports(NodeConfig config, ProviderRegistry registry, CryptoSuite crypto,
                                       LocalIdentity identity, Links links,
                                       java.util.function.Supplier<TransportEvents> listeners) {
        List<TransportProvider> providers = registry.available(ProviderKind.TRANSPORT, TransportProvider.class);
        List<String> failures = new ArrayList<>();
        for (String wanted : config.transports()) {
            if (providers.stream().noneMatch(p -> p.id().equals(wanted))) {
                throw new ConfigurationException("transport '" + wanted + "' was requested but is not usable: "
                        + registry.explainUnavailable(ProviderKind.TRANSPORT));
            }
        }
        int maxFrame = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(config.option(EngineOptions.MAX_FRAME_BYTES.key(),
                EngineOptions.MAX_FRAME_BYTES.defaultValue()).strip()));
        for (TransportProvider provider : providers) {
            if (!config.transports().isEmpty() && !config.transports().contains(provider.id())) {
                continue;
            }
            List<TransportAddress> listen = config.listen().stream()
                    .filter(a -> a.scheme().equals(provider.scheme())).toList();
            TransportEvents events = listeners.get();
            try {
                Transport transport = provider.bind(new TransportContext(identity, crypto, listen, maxFrame,
                        config.options(), events));
                events.bound(transport, provider.id());
                links.add(new Links.Bound(provider.scheme(), transport));
            } catch (TransportException | RuntimeException e) {
                LOG.log(Level.WARNING, "transport {0} could not start: {1}", provider.id(), e.getMessage());
                failures.add(provider.id() + ": " + e.getMessage());
                if (config.transports().contains(provider.id()) || !listen.isEmpty()) {
                    links.closeAll();
                    throw new ConfigurationException("transport '" + provider.id() + "' could not start: "
                            + e.getMessage(), e);
                }
            }
        }
        if (links.bound().isEmpty()) {
            throw new NoProviderException("no transport could start: " + (failures.isEmpty()
                    ? registry.explainUnavailable(ProviderKind.TRANSPORT) : String.join("; ", failures)));
        }
    }

    /** The agent handle, known only once the runtime attached the agent. */
    private static final class AgentHolder implements org.tomprotocol.spi.runtime.AgentHandle {
        private volatile org.tomprotocol.spi.runtime.AgentHandle delegate;

        void set(org.tomprotocol.spi.runtime.AgentHandle handle) {
            this.delegate = handle;
        }

        @Override
        public void wake() {
            org.tomprotocol.spi.runtime.AgentHandle current = delegate;
            if (current != null) {
                current.wake();
            }
        }

        @Override
        public void close() {
            org.tomprotocol.spi.runtime.AgentHandle current = delegate;
            if (current != null) {
                current.close();
            }
        }
    }

    /** Forwards node events to the facade, which exists only after the parts it needs. */
    private static final class DeferredEvents implements NodeEvents {
        private volatile NodeEvents target;

        void target(NodeEvents events) {
            this.target = events;
        }

        @Override
        public void delivered(org.tomprotocol.api.InboundMessage message) {
            target.delivered(message);
        }

        @Override
        public void statusChanged(org.tomprotocol.api.MessageId id, org.tomprotocol.api.MessageStatus previous,
                                  org.tomprotocol.api.MessageStatus current, java.time.Instant at,
                                  DeliveryFailedException.Reason failure) {
            target.statusChanged(id, previous, current, at, failure);
        }

        @Override
        public void peerChanged(org.tomprotocol.api.PeerEvent event) {
            target.peerChanged(event);
        }

        @Override
        public void pathChanged(org.tomprotocol.api.PathChange change) {
            target.pathChanged(change);
        }

        @Override
        public void routed(org.tomprotocol.api.MessageId id, java.util.List<NodeId> relays) {
            target.routed(id, relays);
        }

        @Override
        public void backup(org.tomprotocol.api.BackupEvent event) {
            target.backup(event);
        }

        @Override
        public void published(org.tomprotocol.api.NodeEvent event) {
            target.published(event);
        }

        @Override
        public void failed(org.tomprotocol.api.NodeFailure failure) {
            target.failed(failure);
        }

        @Override
        public void group(org.tomprotocol.api.GroupEvent event) {
            target.group(event);
        }

        @Override
        public void groupsChanged(java.util.List<org.tomprotocol.api.GroupInfo> groups,
                                  java.util.List<org.tomprotocol.api.GroupInvite> invites) {
            target.groupsChanged(groups, invites);
        }
    }
}
