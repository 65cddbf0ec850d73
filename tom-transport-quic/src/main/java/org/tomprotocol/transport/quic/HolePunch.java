package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.handler.codec.quic.QuicChannel;
import org.tomprotocol.spi.transport.TransportException;

/**
 * One hole-punching attempt towards one peer. Every candidate gets a few probes on a doubling schedule
 * ({@link PunchTiming}). Candidates come from whoever asks for the attempt, so they prove nothing: one that was
 * not given for the peer through {@code addPeerAddresses} is unverified — at most
 * {@value PunchTiming#MAX_UNVERIFIED_CANDIDATES} per attempt, probed (70-byte datagrams) but never dialled. The
 * dialling side (lower node id) dials the source address of a probe of the peer — the way is open then, in both
 * directions — and, if none arrived after the blind-dial delay, the given addresses. A handshake still
 * incomplete when a later probe arrives is doubled by a fresh dial (a few at most): QUIC waits about a second
 * before it repeats a lost first packet, the probes show sooner that the way is open. The attempt succeeds when a
 * session with the peer is up, however it came up (our dial, the peer's dial, an ordinary connect); it fails
 * after the window once no dial is still completing. Event-loop confined.
 */
final class HolePunch {
    private static final System.Logger LOG = System.getLogger(HolePunch.class.getName());
    private static final int MAX_DIALS_PER_ADDRESS = 3;
    private static final long REDIAL_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    /** A candidate address: whether it was given for the peer, when it was added, how many probes went there. */
    private static final class Candidate {
        final boolean given;
        final long addedNanos;
        int probesSent;

        Candidate(boolean given, long addedNanos) {
            this.given = given;
            this.addedNanos = addedNanos;
        }
    }

    /** The dials made to one address: how many, and when the last one started. */
    private static final class Dials {
        int count;
        long lastStartNanos;
    }

    private final HolePunching owner;
    private final PeerLink link;
    private final boolean dialling;
    private final Map<InetSocketAddress, Candidate> candidates = new LinkedHashMap<>();
    private final LinkedHashSet<InetSocketAddress> probeSources = new LinkedHashSet<>();
    private final Map<InetSocketAddress, Dials> dials = new HashMap<>();
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private final CompletableFuture<Void> sessionWatcher = new CompletableFuture<>();
    private ScheduledFuture<?> prober;
    private ScheduledFuture<?> blindDial;
    private ScheduledFuture<?> windowEnd;
    private int unverified;
    private int otherSources;
    private int dialsInFlight;
    private boolean started;
    private boolean probing = true;

    HolePunch(HolePunching owner, PeerLink link, boolean dialling, Collection<InetSocketAddress> candidates) {
        this.owner = owner;
        this.link = link;
        this.dialling = dialling;
        addCandidates(candidates);
    }

    CompletableFuture<Void> result() {
        return result;
    }

    /** More candidates (a new introduction while this attempt runs): probed from now on, for a full window. */
    void addCandidates(Collection<InetSocketAddress> more) {
        boolean added = false;
        long now = System.nanoTime();
        for (InetSocketAddress candidate : more) {
            if (candidates.size() >= owner.timing().maxCandidates()) {
                break;
            }
            if (candidate.isUnresolved() || candidate.getPort() == 0 || owner.isOwnAddress(candidate)
                    || candidates.containsKey(candidate)) {
                continue;
            }
            boolean given = link.wasGiven(candidate);
            if (!given && unverified >= PunchTiming.MAX_UNVERIFIED_CANDIDATES) {
                LOG.log(System.Logger.Level.DEBUG, "ignored unverified candidate {0} of {1}: {2} already",
                        candidate, link.peer.shortForm(), unverified);
                continue;
            }
            unverified += given ? 0 : 1;
            candidates.put(candidate, new Candidate(given, now));
            added = true;
        }
        if (added && started && probing) {
            windowEnd.cancel(false);
            scheduleWindowEnd();
            startProber();
        }
    }

    void start() {
        sessionWatcher.whenComplete((ignored, error) -> finish(null));
        link.whenSessionUp(sessionWatcher);
        if (result.isDone()) {
            return;
        }
        started = true;
        PunchTiming timing = owner.timing();
        LOG.log(System.Logger.Level.DEBUG, "punching to {0} at {1} ({2})", link.peer.shortForm(),
                candidates.keySet(), dialling ? "dialling" : "awaiting its dial");
        startProber();
        if (dialling) {
            blindDial = owner.loop().schedule(owner.errors().guard("blind dial", this::blindDial),
                    timing.blindDialMillis(), TimeUnit.MILLISECONDS);
        }
        scheduleWindowEnd();
    }

    private void startProber() {
        probeDue();
        if (prober == null && hasProbesLeft()) {
            long interval = owner.timing().probeIntervalMillis();
            prober = owner.loop().scheduleAtFixedRate(owner.errors().guard("probes", this::probeDue), interval,
                    interval, TimeUnit.MILLISECONDS);
        }
    }

    private void scheduleWindowEnd() {
        windowEnd = owner.loop().schedule(owner.errors().guard("punch window", this::windowEnded),
                owner.timing().windowMillis(), TimeUnit.MILLISECONDS);
    }

    /** A probe from the peer arrived from {@code source}: the way between us is open. */
    void probeReceived(InetSocketAddress source) {
        if (result.isDone()) {
            return;
        }
        boolean known = probeSources.contains(source);
        if (!known) {
            if (!candidates.containsKey(source) && otherSources >= PunchTiming.MAX_PROBE_SOURCES) {
                LOG.log(System.Logger.Level.DEBUG, "ignored a probe of {0} from a further address {1}",
                        link.peer.shortForm(), source);
                return;
            }
            otherSources += candidates.containsKey(source) ? 0 : 1;
            probeSources.add(source);
            if (probing) {
                owner.sendProbe(link.peer, source); // answer at once, where it really comes from (peer-reflexive)
            }
        }
        if (dialling) {
            dial(source);
        }
    }

    private void probeDue() {
        if (!probing) {
            return;
        }
        long now = System.nanoTime();
        PunchTiming timing = owner.timing();
        for (Map.Entry<InetSocketAddress, Candidate> entry : candidates.entrySet()) {
            Candidate candidate = entry.getValue();
            if (candidate.probesSent < PunchTiming.PROBES_PER_CANDIDATE && now - candidate.addedNanos
                    >= TimeUnit.MILLISECONDS.toNanos(timing.probeOffsetMillis(candidate.probesSent))) {
                candidate.probesSent++;
                owner.sendProbe(link.peer, entry.getKey());
            }
        }
        if (!hasProbesLeft() && prober != null) {
            prober.cancel(false);
            prober = null;
        }
    }

    private boolean hasProbesLeft() {
        return candidates.values().stream().anyMatch(c -> c.probesSent < PunchTiming.PROBES_PER_CANDIDATE);
    }

    /**
     * No probe came back: dial the addresses given for the peer (never unverified ones), as far as the node's
     * punch budget allows — they are the peer's own claims, and a peer may claim anyone's address.
     */
    private void blindDial() {
        if (probeSources.isEmpty()) {
            candidates.entrySet().stream().filter(entry -> entry.getValue().given).map(Map.Entry::getKey)
                    .toList().stream().filter(target -> owner.mayDialBlindly()).forEach(this::dial);
        }
    }

    private void dial(InetSocketAddress target) {
        if (result.isDone()) {
            return;
        }
        long now = System.nanoTime();
        Dials made = dials.computeIfAbsent(target, ignored -> new Dials());
        if (made.count >= MAX_DIALS_PER_ADDRESS || (made.count > 0 && now - made.lastStartNanos < REDIAL_AFTER_NANOS)) {
            return;
        }
        made.count++;
        made.lastStartNanos = now;
        dialsInFlight++;
        owner.dialer().socketDial(target, link.peer).addListener(owner.errors().guard("punched dial", attempt -> {
            dialsInFlight--;
            if (attempt.isSuccess()) {
                connected((QuicChannel) attempt.getNow(), target);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "punched dial to {0} at {1} failed: {2}",
                        link.peer.shortForm(), target, String.valueOf(attempt.cause()));
            }
            if (!probing && dialsInFlight == 0) {
                finish(failure());
            }
        }));
    }

    private void connected(QuicChannel channel, InetSocketAddress target) {
        if (result.isDone() && !result.isCompletedExceptionally()) {
            channel.close(); // a doubled dial that lost the race: the session is up on another connection
            return;
        }
        // The TLS handshake already refused any other identity; attaching opens the session, which completes
        // this attempt through the session watcher.
        if (owner.dialer().attach(channel, link.peer) == null) {
            LOG.log(System.Logger.Level.DEBUG, "punched connection to {0} at {1} refused", link.peer.shortForm(),
                    target);
        }
    }

    private void windowEnded() {
        probing = false;
        if (dialsInFlight == 0) {
            finish(failure());
        }
    }

    private TransportException failure() {
        return new TransportException("no direct path to peer " + link.peer.shortForm() + " after punching at "
                + candidates.keySet() + (probeSources.isEmpty() ? " (no probe of the peer arrived)" : ""));
    }

    void abort(String why) {
        finish(new TransportException(why));
    }

    private void finish(TransportException failure) {
        if (result.isDone()) {
            return;
        }
        probing = false;
        for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {prober, blindDial, windowEnd}) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        link.forgetSessionWatcher(sessionWatcher);
        if (failure == null) {
            LOG.log(System.Logger.Level.DEBUG, "direct session with {0} is up", link.peer.shortForm());
            result.complete(null);
        } else {
            LOG.log(System.Logger.Level.DEBUG, failure.getMessage());
            result.completeExceptionally(failure);
        }
    }

    /** Candidates this attempt holds (tests). */
    List<InetSocketAddress> candidates() {
        return List.copyOf(candidates.keySet());
    }
}
