#!/usr/bin/env python3
"""Runs the papers' failure experiment with `tom sim gossip` and prints the Markdown table of docs/gossip.md.

usage: scripts/gossip-table.py NODES SEEDS [KEY=VALUE ...]   (build the image first)
e.g. scripts/gossip-table.py 10000 3, or scripts/gossip-table.py 1000 5 gossip.catch-up-messages=0
One `tom sim gossip` process per run, F = 0.1 ... 0.9, seeds 1 ... SEEDS, one after the other.
"""
import json
import pathlib
import statistics
import subprocess
import sys

TOM = pathlib.Path(__file__).resolve().parent.parent / "tom-distribution/target/image/bin/tom"
FRACTIONS = [round(0.1 * i, 1) for i in range(1, 10)]


def run(nodes, fail, seed, options):
    command = [str(TOM), "sim", "gossip", "--nodes", str(nodes), "--fail", str(fail), "--seed", str(seed), "--json"]
    for option in options:
        command += ["--option", option]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def median_min(values, digits=3):
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f})"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    nodes, seeds, options = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    steady_rmr, steady_ldh, rows = [], [], []
    for fail in FRACTIONS:
        results = [run(nodes, fail, seed, options) for seed in range(1, seeds + 1)]
        steady_rmr += [r["steadyState"]["rmr"] for r in results]
        steady_ldh += [r["steadyState"]["lastDeliveryHop"] for r in results]
        first = [r["rounds"][0] for r in results]
        second = [r["rounds"][1] for r in results]
        last = [r["rounds"][-1] for r in results]
        heal = [r["roundsToHeal"] for r in results]
        healed = [h for h in heal if h is not None]
        overlay = [r["overlayAfterRecovery"] for r in results]
        rows.append("| {} | {} | {} | {} | {} ({}) | {} | {:.4f} | {:.2f} | {} | {} | {} / {} | {} / {} | {:.0f} |".format(
            fail, results[0]["liveNodes"],
            median_min([b["reliability"] for b in first]), round(statistics.median(b["lastDeliveryHop"] for b in first)),
            round(statistics.median(b["lastDeliveryMillis"] for b in first)), max(b["lastDeliveryMillis"] for b in first),
            median_min([b["reliability"] for b in second]),
            min(b["reliability"] for b in last), statistics.median(b["rmr"] for b in last),
            round(statistics.median(b["lastDeliveryHop"] for b in last)),
            "—" if len(healed) < len(heal) else max(healed), len(healed), len(heal),
            max(o["isolatedNodes"] for o in overlay), max(o["components"] for o in overlay),
            statistics.mean(r["wallMillis"] for r in results) / 1000))
        print(f"F={fail} done", file=sys.stderr, flush=True)
    print(f"steady state: RMR {min(steady_rmr):.2f}-{max(steady_rmr):.2f} (mean {statistics.mean(steady_rmr):.2f}), "
          f"last-delivery hop {min(steady_ldh)}-{max(steady_ldh)}")
    print("| F | live nodes | round 1 (at the failure): reliability median (min) | LDH | last delivery ms, median (max) | round 2: reliability median (min) "
          "| round 10: reliability (min) | round 10: RMR | round 10: LDH | rounds to heal, worst seed | healed seeds "
          "| isolated / components after (worst) | wall s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
