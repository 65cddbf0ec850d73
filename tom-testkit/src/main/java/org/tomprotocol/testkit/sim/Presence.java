package org.tomprotocol.testkit.sim;

import java.util.ArrayList;
import java.util.List;

/** When each ordinary node of an offline simulation was online: half-open intervals, in virtual milliseconds. */
final class Presence {
    private final List<List<long[]>> intervals = new ArrayList<>();

    Presence(int nodes) {
        for (int i = 0; i < nodes; i++) {
            intervals.add(new ArrayList<>());
        }
    }

    void up(int node, long at) {
        intervals.get(node).add(new long[] {at, Long.MAX_VALUE});
    }

    void down(int node, long at) {
        List<long[]> list = intervals.get(node);
        list.get(list.size() - 1)[1] = at;
    }

    boolean online(int node, long at) {
        for (long[] interval : intervals.get(node)) {
            if (interval[0] <= at && at < interval[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the node stayed online from {@code from} to {@code to}, both included. */
    boolean onlineThroughout(int node, long from, long to) {
        for (long[] interval : intervals.get(node)) {
            if (interval[0] <= from && to < interval[1]) {
                return true;
            }
        }
        return false;
    }

    /** The first instant in [from, to) at which the node is online, or -1. */
    long firstOnline(int node, long from, long to) {
        for (long[] interval : intervals.get(node)) {
            if (interval[1] > from && interval[0] < to) {
                return Math.max(from, interval[0]);
            }
        }
        return -1;
    }

    /** The first instant in [from, to) at which both nodes are online, or -1. */
    long firstTogether(int a, int b, long from, long to) {
        long best = -1;
        for (long[] x : intervals.get(a)) {
            for (long[] y : intervals.get(b)) {
                long start = Math.max(from, Math.max(x[0], y[0]));
                long end = Math.min(to, Math.min(x[1], y[1]));
                if (start < end && (best < 0 || start < best)) {
                    best = start;
                }
            }
        }
        return best;
    }
}
