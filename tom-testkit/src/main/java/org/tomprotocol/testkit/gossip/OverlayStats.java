package org.tomprotocol.testkit.gossip;

/**
 * The shape of the overlay formed by the live nodes' discovery neighbours (links to crashed nodes ignored).
 *
 * @param liveNodes        nodes counted
 * @param meanDegree       mean number of live neighbours
 * @param minDegree        fewest live neighbours of a node
 * @param maxDegree        most live neighbours of a node
 * @param isolatedNodes    live nodes without a live neighbour
 * @param components       connected components of the undirected neighbour graph
 * @param largestComponent nodes in the largest component
 * @param asymmetricLinks  neighbour links not reciprocated (u lists v, v does not list u)
 */
public record OverlayStats(int liveNodes, double meanDegree, int minDegree, int maxDegree, int isolatedNodes,
                           int components, int largestComponent, int asymmetricLinks) {
}
