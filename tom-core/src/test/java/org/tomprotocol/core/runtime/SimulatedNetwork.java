package org.tomprotocol.core.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tomprotocol.api.InboundMessage;
import org.tomprotocol.api.NodeEvent;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PeerAddress;
import org.tomprotocol.api.Tom;
import org.tomprotocol.api.TomNode;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1CryptoSuiteProvider;
import org.tomprotocol.testkit.LinkModel;
import org.tomprotocol.testkit.MemoryNetwork;
import org.tomprotocol.testkit.VirtualRuntime;

/** Real engines on the testkit's in-memory network and virtual clock: deterministic multi-node tests. */
final class SimulatedNetwork implements AutoCloseable {
    final VirtualRuntime runtime = new VirtualRuntime();
    final MemoryNetwork network;
    private final Map<NodeId, String> names = new HashMap<>();
    private final Map<NodeId, List<InboundMessage>> inboxes = new HashMap<>();
    private final Map<NodeId, List<NodeEvent>> events = new HashMap<>();
    private final List<TomNode> nodes = new ArrayList<>();
    private final long seed;

    SimulatedNetwork(long seed) {
        this.seed = seed;
        this.network = new MemoryNetwork(runtime, seed).defaultLink(LinkModel.PERFECT.withLatency(5));
    }

    /**
     * Starts a node listening at {@code mem:<name>}, with the crypto, the mem transport (unless {@code extra}
     * holds a transport to use instead) and {@code extra}.
     */
    TomNode node(String name, org.tomprotocol.api.spi.Provider... extra) {
        return node(name, builder -> { }, extra);
    }

    /**
     * Starts a node as {@link #node(String, org.tomprotocol.api.spi.Provider...)} does, its builder first given to
     * {@code configure} (e.g. a data directory). A node started again under a name keeps its identity and inbox.
     */
    TomNode node(String name, java.util.function.Consumer<org.tomprotocol.api.NodeBuilder> configure,
                 org.tomprotocol.api.spi.Provider... extra) {
        byte[] identitySeed = new byte[32];
        byte[] nameBytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(nameBytes, 0, identitySeed, 0, Math.min(nameBytes.length, 32));
        org.tomprotocol.api.NodeBuilder builder = Tom.node()
                .provider(runtime)
                .serviceLoading(false)
                .provider(new TomV1CryptoSuiteProvider())
                .identitySeed(identitySeed)
                .listen("mem:" + name)
                .randomSeed(seed + nodes.size());
        if (java.util.Arrays.stream(extra).noneMatch(org.tomprotocol.spi.transport.TransportProvider.class::isInstance)) {
            builder.provider(network.transportProvider());
        }
        for (org.tomprotocol.api.spi.Provider provider : extra) {
            builder.provider(provider);
        }
        configure.accept(builder);
        TomNode node = builder.start();
        names.put(node.id(), name);
        List<InboundMessage> inbox = inboxes.computeIfAbsent(node.id(), id -> new CopyOnWriteArrayList<>());
        node.onMessage(inbox::add);
        events.put(node.id(), recording(node.events()));
        nodes.add(node);
        runtime.runFor(Duration.ofMillis(1));
        return node;
    }

    /** Everything {@code publisher} publishes from now on, as it comes. */
    static <T> List<T> recording(java.util.concurrent.Flow.Publisher<T> publisher) {
        List<T> log = new CopyOnWriteArrayList<>();
        publisher.subscribe(new java.util.concurrent.Flow.Subscriber<>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                log.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        return log;
    }

    /** Alice and bob, each with a session to the relay only. */
    record RelayedPair(TomNode alice, TomNode relay, TomNode bob) {
    }

    /** Starts alice, relay and bob, links both ends to the relay, and lets the sessions come up. */
    RelayedPair relayedPair() {
        TomNode alice = node("alice");
        TomNode relay = node("relay");
        TomNode bob = node("bob");
        link(alice, relay);
        link(bob, relay);
        run(Duration.ofMillis(100));
        return new RelayedPair(alice, relay, bob);
    }

    /** The node last started under {@code name}. */
    TomNode named(String name) {
        TomNode found = null;
        for (TomNode node : nodes) {
            if (name.equals(names.get(node.id()))) {
                found = node;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no node named " + name);
        }
        return found;
    }

    /** Where {@code node} listens. */
    TransportAddress addressOf(TomNode node) {
        return TransportAddress.parse("mem:" + names.get(node.id()));
    }

    /** Runs until {@code stage} completes (30 s of virtual time at most, else the test fails); its value. */
    <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        java.util.concurrent.CompletableFuture<T> future = stage.toCompletableFuture();
        org.assertj.core.api.Assertions.assertThat(runUntil(future::isDone, Duration.ofSeconds(30)))
                .as("completed in time").isTrue();
        return future.join();
    }

    /** The texts of the group posts among {@code events}, in order. */
    static List<String> groupTexts(List<org.tomprotocol.api.GroupEvent> events) {
        return events.stream().filter(org.tomprotocol.api.GroupEvent.MessageReceived.class::isInstance)
                .map(event -> new String(((org.tomprotocol.api.GroupEvent.MessageReceived) event).message().payload(),
                        java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    /** Tells {@code from} how to reach {@code to}, which opens a session between them. */
    void link(TomNode from, TomNode to) {
        from.addPeer(PeerAddress.of(to.id(), TransportAddress.parse("mem:" + names.get(to.id()))));
    }

    List<InboundMessage> inbox(TomNode node) {
        return inboxes.get(node.id());
    }

    List<NodeEvent> events(TomNode node) {
        return events.get(node.id());
    }

    void run(Duration duration) {
        runtime.runFor(duration);
    }

    boolean runUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        return runtime.runUntil(condition, timeout);
    }

    @Override
    public void close() {
        for (TomNode node : nodes) {
            node.close();
        }
        runtime.runFor(Duration.ofSeconds(1));
    }
}
