package org.tomprotocol.core.engine;

import java.nio.ByteBuffer;

import org.tomprotocol.api.MessageId;
import org.tomprotocol.api.NodeId;
import org.tomprotocol.core.wire.AckType;
import org.tomprotocol.core.wire.Envelope;
import org.tomprotocol.core.wire.MessageType;
import org.tomprotocol.spi.state.ExpiringMap;
import org.tomprotocol.spi.state.ExpiringSet;

/**
 * Decides what happens to each verified inbound envelope: deliver it here, pass it on as a named relay, or
 * refuse it. There is no open relay: an envelope for another node that does not name this node in
 * {@code via} is refused. Pure and single-threaded; all caches are bounded.
 */
public final class Router implements MessageHolder {
    private final NodeId local;
    private final ReplayWindow delivered = new ReplayWindow(ProtocolConstants.REPLAY_WINDOW_CAPACITY);
    private final ExpiringSet<AckKey> acknowledgements =
            new ExpiringSet<>(ProtocolConstants.ACK_REPLAY_TTL_MS, ProtocolConstants.ACK_REPLAY_CAPACITY);
    /** Nonces of the sealed payloads delivered, for as long as their envelopes are accepted (lock 2: no longer). */
    private final ExpiringSet<ByteBuffer> nonces =
            new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, ProtocolConstants.NONCE_CACHE_CAPACITY);
    /** Signals taken, for as long as they are accepted: each is taken once. */
    private final ExpiringSet<AckKey> signals = new ExpiringSet<>(ProtocolConstants.SIGNAL_MAX_AGE_MS, 1_000);
    /**
     * Group frames taken, for as long as they are accepted (24 h, lock 2): each once, so a replayed frame costs a
     * lookup and changes nothing.
     */
    private final ExpiringSet<AckKey> groupFrames =
            new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, ProtocolConstants.NONCE_CACHE_CAPACITY);
    private final ExpiringSet<AckKey> rendezvous = new ExpiringSet<>(ProtocolConstants.ACK_REPLAY_TTL_MS, 1_000);
    /** Chats passed on, for as long as they are accepted: a copy passed on again is not new work (lock 5). */
    private final ExpiringSet<DedupKey> forwardedChats = new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, 100_000);
    /** Prices taken, each once, for as long as envelopes are accepted. */
    private final ExpiringSet<AckKey> prices = new ExpiringSet<>(ProtocolConstants.MAX_AGE_MS, 10_000);
    private final ExpiringSet<NodeId> rendezvousPeers =
            new ExpiringSet<>(ProtocolConstants.MIN_REINTRODUCTION_MS, 1_000);
    /** Recipients that asked for their backed-up messages lately: one query per recipient per interval. */
    private final ExpiringSet<NodeId> backupQueries =
            new ExpiringSet<>(ProtocolConstants.BACKUP_QUERY_INTERVAL_MS, 10_000);
    private final IntroducerLimits introducers = new IntroducerLimits();
    /** How many copies of each recently repeated message came after the first. */
    private final ExpiringMap<DedupKey, int[]> repeats =
            new ExpiringMap<>(ProtocolConstants.REPEAT_MEMORY_MS, ProtocolConstants.REPEAT_MEMORY_CAPACITY);

    private record DedupKey(MessageId id, NodeId from) {
    }

    private record AckKey(MessageId original, NodeId from, String kind) {
    }

    public Router(NodeId local) {
        this.local = local;
    }

    public Routing route(VerifiedEnvelope verified, long now) {
        Envelope envelope = verified.envelope();
        Routing.Reject problem = problem(envelope, now);
        if (problem != null) {
            return problem;
        }
        if (envelope.to().equals(local)) {
            return routeLocal(verified, envelope, now);
        }
        boolean chat = envelope.type() == MessageType.Chat;
        if (chat) {
            forwardedChats.add(new DedupKey(envelope.id(), envelope.from()), now);
        }
        return new Routing.Forward(verified, envelope.hopAfter(local), chat);
    }

    /**
     * Whether {@code envelope} is a chat this node would deliver or pass on for the first time: new work, which lock 5
     * prices by its origin. A chat it would refuse anyway (expired, not addressed here, a loop…), or a copy of one it
     * already delivered or passed on, is not priced: whoever replays someone's chat raises nobody's price. Reads,
     * remembers nothing.
     */
    public boolean isNewWork(VerifiedEnvelope verified, long now) {
        Envelope envelope = verified.envelope();
        if (envelope.type() != MessageType.Chat || problem(envelope, now) != null) {
            return false;
        }
        if (envelope.to().equals(local)) {
            return delivered.check(envelope.from(), envelope.id(), envelope.timestamp()) == ReplayWindow.Verdict.NEW;
        }
        return !forwardedChats.contains(new DedupKey(envelope.id(), envelope.from()), now);
    }

    /** What makes {@code envelope} unroutable here, whatever this node remembers; null if nothing does. */
    private Routing.Reject problem(Envelope envelope, long now) {
        if (envelope.via().size() > Envelope.MAX_RELAYS) {
            return new Routing.Reject("too-many-relays");
        }
        if (envelope.timestamp() > now + ProtocolConstants.MAX_FUTURE_DRIFT_MS) {
            return new Routing.Reject("future-timestamp");
        }
        if (envelope.timestamp() < now - ProtocolConstants.MAX_AGE_MS) {
            return new Routing.Reject("expired");
        }
        if (!InboundVerifier.isSupported(envelope.type())) {
            return new Routing.Reject("unsupported-type");
        }
        if (envelope.to().equals(local)) {
            return null;
        }
        int position = envelope.via().indexOf(local);
        if (position < 0) {
            return new Routing.Reject("not-addressed-here");
        }
        if (envelope.via().lastIndexOf(local) != position || envelope.from().equals(local)) {
            return new Routing.Reject("routing-loop");
        }
        if (envelope.ttl() <= 0) {
            return new Routing.Reject("ttl-exhausted");
        }
        return null;
    }

    private Routing routeLocal(VerifiedEnvelope verified, Envelope envelope, long now) {
        switch (envelope.type()) {
            case Ack -> {
                AckType type = verified.ack().type();
                if (!acknowledgements.add(new AckKey(verified.ack().originalMessageId(), envelope.from(), type.name()), now)) {
                    return new Routing.Reject("replayed-ack");
                }
                return new Routing.Acknowledged(verified.ack(), envelope.from());
            }
            case ReadReceipt -> {
                MessageId original = verified.readReceipt().originalMessageId();
                if (!acknowledgements.add(new AckKey(original, envelope.from(), "read"), now)) {
                    return new Routing.Reject("replayed-ack");
                }
                long readAt = Math.max(now - ProtocolConstants.READ_RECEIPT_MAX_AGE_MS,
                        Math.min(now, verified.readReceipt().readAt()));
                return new Routing.Read(verified, readAt);
            }
            case Heartbeat -> {
                return new Routing.KeepAlive(envelope.from());
            }
            case Signal -> {
                if (!signals.add(new AckKey(envelope.id(), envelope.from(), "signal"), now)) {
                    return new Routing.Reject("replayed-signal");
                }
                return new Routing.Signalled(envelope.from(), verified.signal().signal());
            }
            case GroupInvite, GroupMessage, GroupSync, GroupSyncResponse, GroupSyncRequest, GroupDeliveryAck,
                 GroupHubMigration, GroupPostCopy -> {
                if (!groupFrames.add(new AckKey(envelope.id(), envelope.from(), "group"), now)) {
                    return new Routing.Reject("replayed-group-frame");
                }
                return new Routing.Grouped(envelope.from(), verified.groupFrame());
            }
            case Price -> {
                if (!prices.add(new AckKey(envelope.id(), envelope.from(), "price"), now)) {
                    return new Routing.Reject("replayed-price");
                }
                return new Routing.Priced(envelope.from(), verified.price(), envelope.timestamp());
            }
            case BackupStore, BackupReplicate, BackupReplicateAck, BackupConfirmDelivery -> {
                return new Routing.Backup(verified, verified.backup());
            }
            case BackupQuery -> {
                // only the recipient may learn what waits for it
                BackupInput.Query query = (BackupInput.Query) verified.backup();
                if (!query.recipient().equals(envelope.from())) {
                    return new Routing.Reject("backup-query-for-another");
                }
                if (!backupQueries.add(envelope.from(), now)) {
                    return new Routing.Reject("backup-query-too-soon");
                }
                return new Routing.Backup(verified, query);
            }
            case Rendezvous -> {
                // only a neighbour may ask for probes and dials, each at a bounded rate, and each peer is punched
                // towards at most once a second, so this node cannot be turned into a packet cannon
                if (!verified.hop().equals(envelope.from())) {
                    return new Routing.Reject("indirect-rendezvous");
                }
                if (!rendezvous.add(new AckKey(envelope.id(), verified.rendezvous().peer(), "rendezvous"), now)) {
                    return new Routing.Reject("replayed-rendezvous");
                }
                if (!introducers.allow(envelope.from(), now)) {
                    return new Routing.Reject("rendezvous-over-rate");
                }
                if (!rendezvousPeers.add(verified.rendezvous().peer(), now)) {
                    return new Routing.Reject("rendezvous-too-soon");
                }
                return new Routing.Introduced(envelope.from(), verified.rendezvous());
            }
            default -> {
                switch (delivered.check(envelope.from(), envelope.id(), envelope.timestamp())) {
                    case SEEN -> {
                        return copiesSeen(envelope, now) <= ProtocolConstants.HONEST_COPIES
                                ? new Routing.Reacknowledge(verified) : new Routing.Reject("replayed-message");
                    }
                    case BELOW_FLOOR -> {
                        return new Routing.Reject("older-than-replay-window");
                    }
                    case NEW -> {
                        if (verified.nonce() != null && !nonces.add(ByteBuffer.wrap(verified.nonce()), now)) {
                            return new Routing.Reject("replayed-nonce");
                        }
                        delivered.remember(envelope.from(), envelope.id(), envelope.timestamp());
                        return new Routing.Deliver(verified);
                    }
                    default -> throw new IllegalStateException("unknown verdict");
                }
            }
        }
    }

    /**
     * Counts one more copy of a message already delivered. A sender's own retries and reroutes bring a few; more
     * than {@link ProtocolConstants#HONEST_COPIES} are someone replaying it, refused (and charged) instead of
     * acknowledged yet again.
     */
    private int copiesSeen(Envelope envelope, long now) {
        DedupKey key = new DedupKey(envelope.id(), envelope.from());
        int[] copies = repeats.get(key, now);
        if (copies == null) {
            copies = new int[1];
            repeats.put(key, copies, now);
        }
        return ++copies[0];
    }

    /** Drops expired cache entries. */
    /**
     * Remembers a message delivered before this node restarted (from its store), so a copy that comes again is
     * acknowledged, not delivered twice.
     */
    public void rememberDelivered(NodeId from, MessageId id, long timestamp) {
        if (delivered.check(from, id, timestamp) == ReplayWindow.Verdict.NEW) {
            delivered.remember(from, id, timestamp);
        }
    }

    /** What this router still remembers of messages (delivered, repeated, acknowledged, nonces): 0 after 24 h. */
    @Override
    public int messagesHeld() {
        return delivered.messagesHeld() + repeats.size() + acknowledgements.size() + nonces.size()
                + groupFrames.size() + forwardedChats.size();
    }

    public void purge(long now) {
        delivered.purge(now);
        repeats.purge(now);
        acknowledgements.purge(now);
        nonces.purge(now);
        backupQueries.purge(now);
        signals.purge(now);
        groupFrames.purge(now);
        prices.purge(now);
        forwardedChats.purge(now);
    }
}
