package org.tomprotocol.testkit.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.testkit.MemoryStoreProvider;

/** What an offline simulation sent and what came of it; turned into an {@link OfflineResult} at the end. */
final class OfflineTally {
    /** The store namespace of the outbox and of the peer book, as the engine names them. */
    static final String OUTBOX = "outbox";
    static final String PEER_BOOK = "peers";
    /** The store namespace of the copies a node holds for others' offline recipients. */
    static final String BACKUPS = "backups";
    private static final long LIFETIME_MS = 24 * 3_600_000L;

    private record Sent(int sender, NodeId senderId, int recipient, long at) {
    }

    private final Map<MessageId, Sent> sent = new LinkedHashMap<>();
    private final Map<MessageId, Long> deliveredAt = new HashMap<>();
    private final Map<MessageId, Integer> replicas = new HashMap<>();
    private final List<Set<MessageId>> received = new ArrayList<>();
    private final Set<Integer> neverReturning;
    private int duplicates;
    private int failedAtLifetimeEnd;
    private int restarts;
    private int restartsRejoined;

    OfflineTally(int nodes, Set<Integer> neverReturning) {
        for (int i = 0; i < nodes; i++) {
            received.add(new HashSet<>());
        }
        this.neverReturning = neverReturning;
    }

    void sent(MessageId id, int sender, NodeId senderId, int recipient, long at) {
        sent.put(id, new Sent(sender, senderId, recipient, at));
    }

    void received(int recipient, MessageId id, long at) {
        if (!received.get(recipient).add(id)) {
            duplicates++;
        } else {
            deliveredAt.putIfAbsent(id, at);
        }
    }

    void failedAtLifetimeEnd() {
        failedAtLifetimeEnd++;
    }

    void restarted(boolean rejoined) {
        restarts++;
        if (rejoined) {
            restartsRejoined++;
        }
    }

    /**
     * Notes, for every message still alive and undelivered, how many stores hold it now: in their outbox (its sender)
     * or as a backup copy (its holders).
     */
    void countReplicas(MemoryStoreProvider stores, long now) {
        sent.forEach((id, message) -> {
            if (!deliveredAt.containsKey(id) && now < message.at() + LIFETIME_MS) {
                Instant at = Instant.ofEpochMilli(now);
                // a holder keeps a copy under its sender and id together, as the engine names it
                int holders = stores.holders(OUTBOX, id.value(), at)
                        + stores.holders(BACKUPS, message.senderId().toHex() + "/" + id.value(), at);
                replicas.merge(id, holders, Math::max);
            }
        });
    }

    OfflineResult result(int hubs, Presence presence, MemoryStoreProvider stores, long virtualMillis, long wallMillis) {
        int delivered = 0;
        int within24h = 0;
        int offlineAtSend = 0;
        int waitedForSender = 0;
        int reachableButUndelivered = 0;
        int senderAway = 0;
        int toNeverReturning = 0;
        List<Long> afterReturn = new ArrayList<>();
        List<Long> afterBoth = new ArrayList<>();
        for (Map.Entry<MessageId, Sent> entry : sent.entrySet()) {
            Sent message = entry.getValue();
            Long at = deliveredAt.get(entry.getKey());
            long end = message.at() + LIFETIME_MS;
            if (neverReturning.contains(message.recipient())) {
                toNeverReturning++;
            }
            boolean recipientOffline = !presence.online(message.recipient(), message.at());
            if (recipientOffline) {
                offlineAtSend++;
            }
            if (at != null) {
                delivered++;
                if (at - message.at() < LIFETIME_MS) {
                    within24h++;
                }
                if (recipientOffline) {
                    long back = presence.firstOnline(message.recipient(), message.at(), end);
                    afterReturn.add(at - back);
                    if (!presence.online(message.sender(), back)) {
                        waitedForSender++;
                    }
                    afterBoth.add(at - presence.firstTogether(message.sender(), message.recipient(), message.at(), end));
                }
            } else if (presence.firstOnline(message.recipient(), message.at(), end) >= 0) {
                reachableButUndelivered++;
                if (presence.firstTogether(message.sender(), message.recipient(), message.at(), end) < 0) {
                    senderAway++;
                }
            }
        }
        afterReturn.sort(null);
        afterBoth.sort(null);
        List<Integer> replicaCounts = new ArrayList<>(replicas.values());
        replicaCounts.sort(null);
        Map<String, Long> bytes = stores.bytesByNamespace();
        long peerBook = bytes.getOrDefault(PEER_BOOK, 0L);
        long messageBytes = bytes.values().stream().mapToLong(Long::longValue).sum() - peerBook;
        return new OfflineResult(hubs, sent.size(), delivered, within24h, duplicates, sent.size() - delivered,
                failedAtLifetimeEnd, offlineAtSend, EngineSimulation.percentile(afterReturn, 0.50), EngineSimulation.percentile(afterReturn, 0.99),
                waitedForSender, EngineSimulation.percentile(afterBoth, 0.50), EngineSimulation.percentile(afterBoth, 0.99), reachableButUndelivered,
                senderAway, toNeverReturning, replicaCounts.isEmpty() ? 0 : replicaCounts.get(replicaCounts.size() / 2),
                replicaCounts.isEmpty() ? 0 : replicaCounts.get(replicaCounts.size() - 1), messageBytes, peerBook,
                restarts, restartsRejoined, virtualMillis, wallMillis);
    }
}
