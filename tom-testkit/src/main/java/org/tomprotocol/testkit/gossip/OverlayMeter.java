package org.tomprotocol.testkit.gossip;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomprotocol.api.NodeId;

/** Measures the live overlay of a {@link GossipNetwork}: degrees, components, asymmetric links. */
final class OverlayMeter {
    private OverlayMeter() {
    }

    static OverlayStats measure(GossipNetwork network) {
        List<NodeId> live = network.liveNodes();
        Map<NodeId, Integer> index = new HashMap<>();
        for (int i = 0; i < live.size(); i++) {
            index.put(live.get(i), i);
        }
        int[] parent = new int[live.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        long degreeSum = 0;
        int minDegree = live.isEmpty() ? 0 : Integer.MAX_VALUE;
        int maxDegree = 0;
        int isolated = 0;
        int asymmetric = 0;
        for (int i = 0; i < live.size(); i++) {
            int degree = 0;
            for (NodeId neighbor : network.neighbors(live.get(i))) {
                Integer j = index.get(neighbor);
                if (j == null) {
                    continue;
                }
                degree++;
                union(parent, i, j);
                Set<NodeId> back = network.neighbors(neighbor);
                if (!back.contains(live.get(i))) {
                    asymmetric++;
                }
            }
            degreeSum += degree;
            minDegree = Math.min(minDegree, degree);
            maxDegree = Math.max(maxDegree, degree);
            if (degree == 0) {
                isolated++;
            }
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < parent.length; i++) {
            sizes.merge(find(parent, i), 1, Integer::sum);
        }
        int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        double mean = live.isEmpty() ? 0 : degreeSum / (double) live.size();
        return new OverlayStats(live.size(), mean, minDegree, maxDegree, isolated, sizes.size(), largest, asymmetric);
    }

    private static int find(int[] parent, int node) {
        int root = node;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[node] != root) {
            int next = parent[node];
            parent[node] = root;
            node = next;
        }
        return root;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
