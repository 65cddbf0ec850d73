#!/usr/bin/env python3
"""Turns the JSON lines of the NAT lab's two sending nodes (A, B) into the scenario's one result line.

    lab-result.py --scenario NAME --nat-a KIND --nat-b KIND --delay-ms MS --loss-pct PCT [--rebind-ms EPOCH_MS|null]
                  A.out B.out

Fields: scenario, nat_a, nat_b, delay_ms, loss_pct; time_to_direct_ms (A's first RELAY->DIRECT path change,
time since its first message to B; null if never direct); direct_fraction (of the messages A and B sent after
their own first switch to direct, the share that went direct; null if never direct); delivered and sent (both
directions); fallbacks (DIRECT->RELAY path changes, A and B); and for a rebinding (else null): fallback_ms
(rebinding to A's first DIRECT->RELAY), recovery_ms (rebinding to A's next RELAY->DIRECT: a new direct session)
and direct_resumed_ms (rebinding to the first message A sent after the fallback that went direct).
"""
import argparse
import json
import sys


def read_events(path):
    events = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line.startswith("{"):
                try:
                    events.append(json.loads(line))
                except json.JSONDecodeError:
                    pass  # a line cut short when the node was stopped
    return events


def first(events, kind, **match):
    for event in events:
        if event.get("event") == kind and all(event.get(key) == value for key, value in match.items()):
            return event
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--nat-a", required=True)
    parser.add_argument("--nat-b", required=True)
    parser.add_argument("--delay-ms", type=float, required=True)
    parser.add_argument("--loss-pct", type=float, required=True)
    parser.add_argument("--rebind-ms", default="null")
    parser.add_argument("a_out")
    parser.add_argument("b_out")
    args = parser.parse_args()

    a, b = read_events(args.a_out), read_events(args.b_out)
    summaries = [first(a, "summary"), first(b, "summary")]
    if None in summaries:
        sys.exit("lab-result: a node printed no summary")
    sent = sum(s["sent"] for s in summaries)
    delivered = sum(s["delivered"] for s in summaries)
    after_switch = 0
    direct_after_switch = 0
    for events in (a, b):
        switch = first(events, "path_change", to="direct")
        if switch is None:
            continue
        for outcome in (e for e in events if e.get("event") == "outcome"):
            if outcome["sent_at_ms"] >= switch["at_ms"]:
                after_switch += 1
                direct_after_switch += outcome.get("status") == "delivered" and outcome.get("path") == "direct"
    fallbacks = sum(1 for events in (a, b) for e in events
                    if e.get("event") == "path_change" and e["from"] == "direct")

    fallback_ms = recovery_ms = direct_resumed_ms = None
    if args.rebind_ms != "null":
        rebind = int(args.rebind_ms)
        changes = [e for e in a if e.get("event") == "path_change" and e["at_ms"] >= rebind]
        down = next((e for e in changes if e["from"] == "direct"), None)
        if down is not None:
            fallback_ms = down["at_ms"] - rebind
            up = next((e for e in changes if e["to"] == "direct" and e["at_ms"] >= down["at_ms"]), None)
            recovery_ms = None if up is None else up["at_ms"] - rebind
            resumed = [e["sent_at_ms"] for e in a if e.get("event") == "outcome" and e["sent_at_ms"] >= down["at_ms"]
                       and e.get("status") == "delivered" and e.get("path") == "direct"]
            direct_resumed_ms = min(resumed) - rebind if resumed else None

    delay = int(args.delay_ms) if args.delay_ms.is_integer() else args.delay_ms
    loss = int(args.loss_pct) if args.loss_pct.is_integer() else args.loss_pct
    print(json.dumps({
        "scenario": args.scenario,
        "nat_a": args.nat_a,
        "nat_b": args.nat_b,
        "delay_ms": delay,
        "loss_pct": loss,
        "time_to_direct_ms": summaries[0]["time_to_direct_ms"],
        "direct_fraction": None if after_switch == 0 else round(direct_after_switch / after_switch, 3),
        "delivered": delivered,
        "sent": sent,
        "fallbacks": fallbacks,
        "fallback_ms": fallback_ms,
        "recovery_ms": recovery_ms,
        "direct_resumed_ms": direct_resumed_ms,
    }), flush=True)


if __name__ == "__main__":
    main()
