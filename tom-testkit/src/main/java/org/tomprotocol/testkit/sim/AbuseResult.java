package org.tomprotocol.testkit.sim;

import java.util.List;

/**
 * What {@link AbuseSimulation} measured: the honest traffic alone and under the flood (the same traffic, in the same
 * run), and what the spammers got through, second by second.
 *
 * @param baseline                honest traffic with the spammers silent
 * @param flooded                 the same honest traffic while the spammers send
 * @param spamHanded              messages the spammers handed their nodes
 * @param spamRefusedBySender     of those, refused at once by the spammer's own node (its send queue full)
 * @param spamDelivered           spam messages that reached a recipient's application within the window
 * @param spamDeliveredPerSecond  spam messages reaching applications in each second of the window, all spammers
 * @param stampsMinted            proof-of-work stamps minted (by anyone)
 * @param hashesMinted            hashes those stamps cost, as modelled
 * @param stampChecks             stamps checked by the nodes that priced a message (one hash each)
 * @param stampCheckCpuMillis     CPU those checks cost, from the time of one hash measured in this run
 * @param pricesTold              signed {@code Price} answers sent
 * @param unpaidRefused           chats left unhandled for a missing or short stamp
 * @param pricedDelayed           chats handled after a delay for their origin's excess
 * @param wallMillis              real time both runs took
 */
public record AbuseResult(Phase baseline, Phase flooded, long spamHanded, long spamRefusedBySender,
                          long spamDelivered, List<Integer> spamDeliveredPerSecond, long stampsMinted,
                          long hashesMinted, long stampChecks, double stampCheckCpuMillis, long pricesTold,
                          long unpaidRefused, long pricedDelayed, long wallMillis) {
    public AbuseResult {
        spamDeliveredPerSecond = List.copyOf(spamDeliveredPerSecond);
    }

    /** Honest p99 under the flood over honest p99 alone (1 when there is nothing to compare). */
    public double honestP99Ratio() {
        return baseline.latencyP99Millis() == 0 ? 1 : (double) flooded.latencyP99Millis() / baseline.latencyP99Millis();
    }

    /**
     * The honest traffic of one run.
     *
     * @param sent             honest messages handed to their nodes
     * @param delivered        of those, acknowledged by their recipients
     * @param failed           of those, failed
     * @param duplicatesToApp  messages (honest or not) an application received twice (must be 0)
     * @param latencyP50Millis median send-to-acknowledgement time of the delivered ones, virtual
     * @param latencyP99Millis 99th percentile of the same
     */
    public record Phase(int sent, int delivered, int failed, int duplicatesToApp, long latencyP50Millis,
                        long latencyP99Millis) {
    }
}
