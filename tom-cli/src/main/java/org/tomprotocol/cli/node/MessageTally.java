package org.tomprotocol.cli.node;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.api.PathChange;
import org.tomprotocol.api.PathKind;

/** What a {@link SendLoop} counts: messages, their outcomes and paths, and the path changes. Thread-safe. */
final class MessageTally {
    private int sent;
    private int delivered;
    private int settled;
    private int direct;
    private int afterSwitch;
    private int directAfterSwitch;
    private int toDirect;
    private int fallbacks;
    private Long timeToDirectMillis;
    private Long firstDirectAtMillis;

    synchronized void sent() {
        sent++;
    }

    synchronized void pathChanged(PathChange change) {
        if (change.to() == PathKind.DIRECT) {
            toDirect++;
            if (timeToDirectMillis == null) {
                timeToDirectMillis = change.sinceFirstMessage().toMillis();
                firstDirectAtMillis = change.at().toEpochMilli();
            }
        } else if (change.from() == PathKind.DIRECT) {
            fallbacks++;
        }
    }

    /** A message sent at {@code sentAtMillis} settled. */
    synchronized void settled(long sentAtMillis, boolean wasDelivered, boolean wentDirect) {
        settled++;
        if (wasDelivered) {
            delivered++;
            if (wentDirect) {
                direct++;
            }
        }
        if (firstDirectAtMillis != null && sentAtMillis >= firstDirectAtMillis) {
            afterSwitch++;
            if (wasDelivered && wentDirect) {
                directAfterSwitch++;
            }
        }
    }

    synchronized Map<String, Object> summary(NodeId target) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("to", target.toHex());
        fields.put("sent", sent);
        fields.put("delivered", delivered);
        fields.put("unsettled", sent - settled);
        fields.put("direct", direct);
        fields.put("relayed", delivered - direct);
        fields.put("time_to_direct_ms", timeToDirectMillis);
        fields.put("sent_after_switch", afterSwitch);
        fields.put("direct_fraction_after_switch",
                afterSwitch == 0 ? null : Math.round(1000.0 * directAfterSwitch / afterSwitch) / 1000.0);
        fields.put("switches_to_direct", toDirect);
        fields.put("fallbacks", fallbacks);
        return fields;
    }
}
