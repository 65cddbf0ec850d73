package org.tomprotocol.testkit.sim;

/**
 * What an {@link OfflineSimulation} measured. Latencies are virtual milliseconds.
 *
 * @param hubs                          always-on hub nodes, in addition to the ordinary ones
 * @param sent                          messages accepted by their sender
 * @param delivered                     messages the recipient's application received (once per id)
 * @param deliveredWithin24h            of those, received less than 24 h after they were sent
 * @param duplicatesToApp               messages an application received more than once (must be 0)
 * @param expired                       messages never received: their 24 h ended first
 * @param failedAtLifetimeEnd           handles that ended {@code FAILED} for another reason than their node
 *                                      closing (only a sender up for the whole 24 h still holds its handle)
 * @param recipientOfflineAtSend        messages whose recipient was offline when they were sent
 * @param afterReturnP50Millis          median time from the recipient's return to delivery, for those
 * @param afterReturnP99Millis          99th percentile of the same
 * @param waitedForSender               of those delivered, how many found their sender offline when the
 *                                      recipient came back: without a backup held by others, they waited for it
 * @param afterBothOnlineP50Millis      median time from the first instant both ends were online again to delivery
 * @param afterBothOnlineP99Millis      99th percentile of the same
 * @param reachableButUndelivered       messages whose recipient was online at some time of their 24 h, not delivered
 * @param undeliveredSenderAway         of those, how many never had sender and recipient online at the same time
 * @param toNeverReturning              messages sent to a node that never came back
 * @param replicasP50                   median, over the messages still undelivered at a sample (every 10 min), of the
 *                                      most stores holding each at once: its sender's outbox and its backup holders,
 *                                      online or not
 * @param replicasMax                   the most stores that held any message at once
 * @param bytesLeftAfter24h             bytes of message state (outbox, delivered ids) in every store after a
 *                                      purge 25 h after the last send (must be 0)
 * @param peerBookBytes                 bytes of peer books left then: the peers known in the last 24 h, not messages
 * @param restarts                      nodes started again on their data directory that stayed up for the 10 s check
 * @param restartsRejoined              of those, how many had a session to a hub 10 s later, from their peer book alone
 * @param virtualMillis                 virtual time simulated
 * @param wallMillis                    real time the run took
 */
public record OfflineResult(int hubs, int sent, int delivered, int deliveredWithin24h, int duplicatesToApp,
                            int expired, int failedAtLifetimeEnd, int recipientOfflineAtSend,
                            long afterReturnP50Millis, long afterReturnP99Millis, int waitedForSender,
                            long afterBothOnlineP50Millis, long afterBothOnlineP99Millis,
                            int reachableButUndelivered, int undeliveredSenderAway, int toNeverReturning,
                            int replicasP50, int replicasMax, long bytesLeftAfter24h, long peerBookBytes,
                            int restarts, int restartsRejoined, long virtualMillis, long wallMillis) {
}
