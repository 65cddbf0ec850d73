package org.tomprotocol.transport.quic;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.tomprotocol.api.NodeId;

/**
 * Decides which of the addresses peers report for this node (how they see it, e.g. a NAT's public mapping) the
 * node adopts and announces. Any peer can claim anything, so one report proves nothing: an address is adopted
 * only while peers from at least {@value #AGREEING_ORIGINS} different {@link AddressGroup}s report it — one host
 * running many identities counts once. Only a reporter's latest report counts; a report holds while the
 * reporter's session is up and for a while after, then expires. Event-loop confined; the time is passed in.
 */
final class ObservedAddressVotes {
    /** Independent origins that must agree before an address is adopted. */
    static final int AGREEING_ORIGINS = 2;
    /** Adopted addresses at most, best supported first. */
    static final int MAX_ADOPTED = 8;

    private record Report(AddressGroup origin, InetSocketAddress address, long sequence) {
    }

    private final int maxReporters;
    private final long ttlNanos;
    private final LinkedHashMap<NodeId, Report> reports = new LinkedHashMap<>();
    private final Map<NodeId, Long> leftAtNanos = new LinkedHashMap<>();
    private List<InetSocketAddress> adopted = List.of();
    private long nextSequence;

    ObservedAddressVotes(int maxReporters, long ttlMillis) {
        this.maxReporters = maxReporters;
        this.ttlNanos = TimeUnit.MILLISECONDS.toNanos(ttlMillis);
    }

    /**
     * {@code reporter}, connected from {@code reporterAddress}, sees this node at {@code observed}.
     *
     * @return whether the adopted addresses changed
     */
    boolean report(NodeId reporter, InetSocketAddress reporterAddress, InetSocketAddress observed, long nowNanos) {
        expire(nowNanos);
        reports.remove(reporter);
        leftAtNanos.remove(reporter);
        if (reports.size() >= maxReporters) {
            evictOne();
        }
        reports.put(reporter, new Report(AddressGroup.of(reporterAddress.getAddress()), observed, nextSequence++));
        return recount();
    }

    /** {@code reporter}'s session ended: its report expires after the time to live. */
    void reporterLeft(NodeId reporter, long nowNanos) {
        if (reports.containsKey(reporter)) {
            leftAtNanos.put(reporter, nowNanos);
        }
    }

    /**
     * Drops the reports of reporters gone for longer than the time to live.
     *
     * @return whether the adopted addresses changed
     */
    boolean expire(long nowNanos) {
        boolean dropped = false;
        for (Iterator<Map.Entry<NodeId, Long>> it = leftAtNanos.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<NodeId, Long> left = it.next();
            if (nowNanos - left.getValue() >= ttlNanos) {
                reports.remove(left.getKey());
                it.remove();
                dropped = true;
            }
        }
        return dropped && recount();
    }

    /** The adopted addresses, best supported first. */
    List<InetSocketAddress> adopted() {
        return adopted;
    }

    /** Reporters whose report is held. */
    int reporters() {
        return reports.size();
    }

    /** Makes room: the report of a reporter that left goes first, else the oldest. */
    private void evictOne() {
        NodeId victim = leftAtNanos.isEmpty() ? reports.keySet().iterator().next()
                : leftAtNanos.keySet().iterator().next();
        reports.remove(victim);
        leftAtNanos.remove(victim);
    }

    private boolean recount() {
        Map<InetSocketAddress, Set<AddressGroup>> origins = new LinkedHashMap<>();
        Map<InetSocketAddress, Long> newest = new LinkedHashMap<>();
        for (Report report : reports.values()) {
            origins.computeIfAbsent(report.address(), ignored -> new HashSet<>()).add(report.origin());
            newest.merge(report.address(), report.sequence(), Math::max);
        }
        List<InetSocketAddress> next = new ArrayList<>();
        origins.forEach((address, from) -> {
            if (from.size() >= AGREEING_ORIGINS) {
                next.add(address);
            }
        });
        next.sort(Comparator.<InetSocketAddress>comparingInt(address -> origins.get(address).size()).reversed()
                .thenComparing(Comparator.<InetSocketAddress>comparingLong(newest::get).reversed()));
        List<InetSocketAddress> capped = List.copyOf(next.subList(0, Math.min(next.size(), MAX_ADOPTED)));
        if (capped.equals(adopted)) {
            return false;
        }
        adopted = capped;
        return true;
    }
}
