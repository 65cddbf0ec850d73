package org.tomprotocol.core.engine;

import java.time.Duration;

/** The protocol's timing and size constants (Gen-2's values unless noted). */
public final class ProtocolConstants {
    private ProtocolConstants() {
    }

    /** Lock 2: nothing older than this is accepted or kept. */
    public static final long MAX_AGE_MS = Duration.ofHours(24).toMillis();
    /** Largest clock skew tolerated into the future. */
    public static final long MAX_FUTURE_DRIFT_MS = Duration.ofMinutes(5).toMillis();
    /**
     * Copies of one delivered message acknowledged again at most: a sender's retries and reroutes bring a handful;
     * past this a relay is replaying it, and further copies are refused and charged to it.
     */
    public static final int HONEST_COPIES = 8;
    /** How long the copies of a repeated message are counted. */
    public static final long REPEAT_MEMORY_MS = Duration.ofMinutes(10).toMillis();
    /** Repeated messages counted at most. */
    public static final int REPEAT_MEMORY_CAPACITY = 10_000;
    /**
     * How long an acknowledgement is remembered against replay: as long as its envelope is accepted (Gen-2 forgot
     * after 5 minutes an envelope it accepted for 24 h).
     */
    public static final long ACK_REPLAY_TTL_MS = MAX_AGE_MS;
    /**
     * Delivered messages remembered against replay, for as long as their envelopes are accepted (24 h); about
     * 16 bytes each. Gen-2 remembered 10 000 for 5 minutes, while accepting envelopes for 24 h.
     */
    public static final int REPLAY_WINDOW_CAPACITY = 1_000_000;
    /** Capacity of the acknowledgement replay cache. */
    public static final int ACK_REPLAY_CAPACITY = 100_000;
    /** Capacity of the LRU of nonces of encrypted payloads seen. */
    public static final int NONCE_CACHE_CAPACITY = 50_000;
    /** Oldest read time a read receipt may claim. */
    public static final long READ_RECEIPT_MAX_AGE_MS = Duration.ofDays(7).toMillis();

    /** Time the final recipient's acknowledgement may take before a retry. */
    public static final long ACK_DEADLINE_MS = Duration.ofSeconds(30).toMillis();
    /** Retries after the first attempt of a round, all with the same message id. */
    public static final int MAX_RETRIES = 2;
    /**
     * A message is alive for this long after its envelope timestamp, unless its recipient acknowledges it first:
     * the sender keeps trying until then, and then it has failed (lock 2: the same 24 h as {@link #MAX_AGE_MS}).
     */
    public static final long MESSAGE_LIFETIME_MS = MAX_AGE_MS;
    /** Wait before the first new round of attempts once a round's retries are spent; it doubles each round. */
    public static final long ROUND_BACKOFF_INITIAL_MS = Duration.ofSeconds(30).toMillis();
    /** Longest wait between two rounds of attempts for a message whose recipient stays out of reach. */
    public static final long ROUND_BACKOFF_MAX_MS = Duration.ofMinutes(10).toMillis();
    /** Time a relay's acknowledgement may take before the relay is presumed failed and the message rerouted. */
    public static final long RELAY_ACK_TIMEOUT_MS = Duration.ofSeconds(5).toMillis();
    /**
     * Time the final recipient's acknowledgement may take once a relay confirmed forwarding; past it the relay
     * counts as having lost the message, which goes another way at once (a relay that acknowledges and drops
     * costs one such wait, not the 30 s deadline).
     */
    public static final long RELAYED_ACK_TIMEOUT_MS = Duration.ofSeconds(2).toMillis();
    /** Half-life of what a relay's delivered and lost messages count for in choosing relays. */
    public static final long RELAY_OUTCOME_HALF_LIFE_MS = Duration.ofMinutes(10).toMillis();
    /** Reroutes through alternate relays allowed per message. */
    public static final int MAX_REROUTES = 3;
    /** Messages tracked at once; {@code send} fails fast beyond it. */
    public static final int MAX_TRACKED = 10_000;
    /** Delivered messages remembered so their read receipts can still be matched. */
    public static final int MAX_AWAITING_READ = 10_000;

    /** Silence after which a peer is stale. */
    public static final long STALE_AFTER_MS = Duration.ofSeconds(20).toMillis();
    /** Silence after which a peer is offline. */
    public static final long OFFLINE_AFTER_MS = Duration.ofSeconds(45).toMillis();
    /** Silence after which a peer without a session is forgotten. */
    public static final long FORGET_AFTER_MS = Duration.ofSeconds(135).toMillis();
    /** Idle time after which an open session gets an explicit heartbeat. */
    public static final long KEEPALIVE_AFTER_MS = Duration.ofSeconds(8).toMillis();
    /** Period of the liveness check. */
    public static final long LIVENESS_TICK_MS = Duration.ofSeconds(1).toMillis();
    /** How often the groups' timers run: fine enough for a shadow to claim a dead hub's group within 2 s. */
    public static final long GROUP_TICK_MS = 250;
    /** Period of cache purging. */
    public static final long CACHE_PURGE_TICK_MS = Duration.ofMinutes(1).toMillis();
    /** Peers tracked at most. */
    public static final int MAX_PEERS = 10_000;

    /** Time a direct transmission may wait for the recipient's acknowledgement before going through a relay. */
    public static final long DIRECT_ACK_TIMEOUT_MS = Duration.ofMillis(1_500).toMillis();
    /** Unacknowledged direct transmissions in a row after which the direct path counts as dead. */
    public static final int DIRECT_FAILURES_BEFORE_SUSPECT = 3;
    /** A direct path that counts as dead is avoided this long. */
    public static final long DIRECT_SUSPECT_MS = Duration.ofSeconds(10).toMillis();
    /** Shortest interval between two introductions of the same pair, and between two accepted for one peer. */
    public static final long MIN_REINTRODUCTION_MS = Duration.ofSeconds(1).toMillis();
    /** Longest interval between introductions of a pair that keeps needing a relay. */
    public static final long MAX_REINTRODUCTION_MS = Duration.ofSeconds(30).toMillis();
    /** Quiet time after which a pair's introduction backoff starts over. */
    public static final long REINTRODUCTION_RESET_MS = Duration.ofMinutes(1).toMillis();

    /** Period of this node's signed announce. */
    public static final long ANNOUNCE_INTERVAL_MS = Duration.ofSeconds(10).toMillis();
    /** Oldest announce accepted. */
    public static final long ANNOUNCE_MAX_AGE_MS = Duration.ofHours(1).toMillis();

    /** Holders a message's copies are kept on while it is alive (Gen-2's MAX_REPLICAS): never a single copy. */
    public static final int BACKUP_HOLDERS = 5;
    /** Holders that must have confirmed their copy before the sender reports {@code BACKED_UP}. */
    public static final int BACKUP_HOLDERS_CONFIRMED = 2;
    /** Time a node asked to hold a copy may take to answer before another is asked. */
    public static final long BACKUP_ANSWER_TIMEOUT_MS = Duration.ofSeconds(10).toMillis();
    /**
     * Delay between the holders of one message delivering it to a recipient that came back: the first live holder at
     * once, the next one this much later, and so on, each only if no proof of delivery came meanwhile.
     */
    public static final long BACKUP_STAGGER_MS = Duration.ofSeconds(1).toMillis();
    /** The same delay, between holders answering the recipient's own query: it is up and waiting for them. */
    public static final long BACKUP_QUERY_STAGGER_MS = 250;
    /** Time a holder waits for the proof of a delivery before offering the copy again to a recipient still in reach. */
    public static final long BACKUP_REOFFER_MS = Duration.ofSeconds(30).toMillis();
    /** How long a closing node waits for the copies it handed over to leave before it closes its transports. */
    public static final long BACKUP_HAND_OVER_GRACE_MS = 1_000;
    /**
     * Times a holder offers a copy to its recipient without getting the proof of its delivery (30 s, then each wait
     * doubled) before it drops the copy: a recipient that cannot open it, or refuses it, is not sent it for 24 h.
     */
    public static final int BACKUP_MAX_OFFERS = 6;
    /** Proofs of delivery a holder keeps for senders that are away, at most (the oldest go first). */
    public static final int BACKUP_MAX_PROOFS_KEPT = 10_000;
    /**
     * How long a fellow holder this node never heard of counts as up (time for gossip to make it known); after that
     * only holders it knows to be up count.
     */
    public static final long BACKUP_UNKNOWN_HOLDER_GRACE_MS = Duration.ofMinutes(5).toMillis();
    /** Copies a closing holder hands over at most. */
    public static final int BACKUP_HAND_OVER_MAX = 1_000;
    /** One backup query per recipient per this interval is answered (Gen-2's QUERY_DEBOUNCE). */
    public static final long BACKUP_QUERY_INTERVAL_MS = Duration.ofSeconds(5).toMillis();
    /** A node asks a peer what waits for it at most once per this interval, when a session to it opens. */
    public static final long BACKUP_QUERY_REPEAT_MS = Duration.ofHours(1).toMillis();
    /** Copies a node holds for others at most (Gen-2: 10 000). */
    public static final int BACKUP_MAX_COPIES = 10_000;
    /** Bytes of copies a node holds for others at most. */
    public static final long BACKUP_MAX_BYTES = 256L * 1024 * 1024;
    /** Copies a node holds for one sender at most: one sender cannot take a holder's whole room. */
    public static final int BACKUP_MAX_COPIES_PER_SENDER = 500;
    /** Bytes of copies a node holds for one sender at most. */
    public static final long BACKUP_MAX_BYTES_PER_SENDER = 16L * 1024 * 1024;

    /** Signalling sets a connection up now: an older offer is of no use and may be a replay (§5.1). */
    public static final long SIGNAL_MAX_AGE_MS = 2 * 60 * 1000L;
}
