#!/usr/bin/env bash
# The browser figures of issue 18, next to their baseline measured in the same run: 1 KiB chats from a Chromium tab
# to the node that served its page (WebSocket) and to a second tab (direct DataChannel, set up through that node),
# each timed in the page from the send click to the delivered mark, against two Java nodes over QUIC
# (`tom bench quic`, send to ACK); and the time from a fresh tab's page load (new identity) to its first delivered
# message. Needs the image, tom-web's npm packages and Chromium:
#   ./mvnw -B -q install -DskipTests && scripts/browser-figures.sh [round-trips] [fresh-tabs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tom="$root/tom-distribution/target/image/bin/tom"
count="${1:-500}"
fresh="${2:-5}"
work="$(mktemp -d)"
node_pid=""
cleanup() {
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$tom" node --json --web 127.0.0.1:0 >"$work/node.jsonl" 2>"$work/node.err" &
node_pid=$!
for _ in $(seq 100); do grep -q '"event":"web"' "$work/node.jsonl" 2>/dev/null && break; sleep 0.1; done
url=$(python3 -c 'import json,sys; print(next(json.loads(l)["url"] for l in open(sys.argv[1]) if "\"web\"" in l))' "$work/node.jsonl")
endpoint=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["node_id"])' "$work/node.jsonl")

commands="measure 0 $endpoint $count 1024
send 0 TAB1 hello
direct 0 TAB1
measure 0 TAB1 $count 1024"
for _ in $(seq "$fresh"); do commands="$commands
first $endpoint"; done
# the driver prints the second tab's id first: the commands name it once it is known
(cd "$root/tom-web" && python3 - "$url" "$commands" >"$work/browser.txt" <<'PY'
import subprocess, sys
url, commands = sys.argv[1], sys.argv[2]
driver = subprocess.Popen(["node", "tools/chromium-page.js", url, "2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
ready = driver.stdout.readline().split()
out, _ = driver.communicate(commands.replace("TAB1", ready[3]) + "\n")
print(out)
PY
)
kill "$node_pid"; node_pid=""

"$tom" bench quic --messages "$count" --throughput-messages 2000 --json 2>/dev/null >"$work/quic.json"

python3 - "$work/browser.txt" "$work/quic.json" "$count" <<'PY'
import json, statistics, sys
lines = open(sys.argv[1]).read().split("\n")
runs = [[int(x) for x in l.split(" ")[1].split(",")] for l in lines if l.startswith("round-trips ")]
warm = lambda xs: sorted(xs[len(xs) // 5:])  # the first fifth warms up the page and both JITs
trips, direct = warm(runs[0]), warm(runs[1])
firsts = sorted(int(l.split(" ")[1]) for l in lines if l.startswith("first-delivered "))
quic = json.load(open(sys.argv[2]))["tom_over_quic"]
p = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
browser_p50 = p(trips, 0.5)
print(json.dumps({
    "browser_websocket_rtt_p50_us": browser_p50, "browser_websocket_rtt_p99_us": p(trips, 0.99),
    "samples": len(trips),
    "tab_to_tab_datachannel_rtt_p50_us": p(direct, 0.5), "tab_to_tab_datachannel_rtt_p99_us": p(direct, 0.99),
    "java_quic_rtt_p50_us": quic["rtt_p50_us"], "java_quic_rtt_p99_us": quic["rtt_p99_us"],
    "ratio_p50_browser_over_quic": round(browser_p50 / quic["rtt_p50_us"], 2), "ratio_target": "<= 2 (over a DataChannel)",
    "first_delivered_ms": firsts, "first_delivered_median_ms": statistics.median(firsts) if firsts else None,
    "first_delivered_target_ms": 1000,
}, indent=2))
PY
