#!/usr/bin/env bash
# The browser figures of issue 18, next to their baseline measured in the same run. 1 KiB chats from a Chromium tab,
# each timed in the page from the send click to the delivered mark (the recipient's signed ACK):
#   - to the node that served the page, over its WebSocket (image without the WebRTC plugin),
#   - to that node over a DataChannel (the same image given the plugin with --plugins),
#   - to a second tab over a direct DataChannel set up through the node;
# against two Java nodes over QUIC (`tom bench quic`, send to ACK); and the time from a fresh tab's page load (new
# identity, so key generation included) to its first delivered message. Needs the image, the plugin directory,
# tom-web's npm packages and Chromium:
#   ./mvnw -B -q install -DskipTests && scripts/browser-figures.sh [round-trips] [fresh-tabs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tom="$root/tom-distribution/target/image/bin/tom"
plugin="$root/tom-distribution/target/plugins/webrtc"
count="${1:-500}"
fresh="${2:-5}"
work="$(mktemp -d)"
node_pid=""
cleanup() {
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Starts `tom node --web` with extra options; sets node_pid, url and endpoint.
start_node() {
  "$tom" "$@" node --json --web 127.0.0.1:0 >"$work/node.jsonl" 2>"$work/node.err" &
  node_pid=$!
  for _ in $(seq 100); do grep -q '"event":"web"' "$work/node.jsonl" 2>/dev/null && break; sleep 0.1; done
  url=$(python3 -c 'import json,sys; print(next(json.loads(l)["url"] for l in open(sys.argv[1]) if "\"web\"" in l))' "$work/node.jsonl")
  endpoint=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["node_id"])' "$work/node.jsonl")
}

stop_node() {
  kill "$node_pid"
  wait "$node_pid" 2>/dev/null || true
  node_pid=""
}

# Runs the Chromium driver with two tabs; TAB1 in the commands stands for the second tab's node id.
drive() {
  (cd "$root/tom-web" && python3 - "$url" "$1" <<'PY'
import subprocess, sys
url, commands = sys.argv[1], sys.argv[2]
driver = subprocess.Popen(["node", "tools/chromium-page.js", url, "2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
ready = driver.stdout.readline().split()
out, _ = driver.communicate(commands.replace("TAB1", ready[3]) + "\n")
print(out)
PY
  )
}

start_node
commands="measure 0 $endpoint $count 1024
send 0 TAB1 hello
direct 0 TAB1
measure 0 TAB1 $count 1024"
for _ in $(seq "$fresh"); do commands="$commands
first $endpoint"; done
drive "$commands" >"$work/websocket.txt"
stop_node

start_node --plugins "$plugin"
drive "direct 0 $endpoint
measure 0 $endpoint $count 1024" >"$work/datachannel.txt"
stop_node

"$tom" bench quic --messages "$count" --throughput-messages 2000 --json 2>/dev/null >"$work/quic.json"

python3 - "$work/websocket.txt" "$work/datachannel.txt" "$work/quic.json" <<'PY'
import json, statistics, sys
def runs(path):
    return [[int(x) for x in l.split(" ")[1].split(",")] for l in open(path).read().split("\n") if l.startswith("round-trips ")]
warm = lambda xs: sorted(xs[len(xs) // 5:])  # the first fifth warms up the page and both JITs
p = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
socket, tabs = (warm(r) for r in runs(sys.argv[1]))
channel = warm(runs(sys.argv[2])[0])
firsts = sorted(int(l.split(" ")[1]) for l in open(sys.argv[1]).read().split("\n") if l.startswith("first-delivered "))
quic = json.load(open(sys.argv[3]))["tom_over_quic"]
print(json.dumps({
    "samples_each": len(socket),
    "browser_to_java_websocket_rtt_p50_us": p(socket, 0.5), "browser_to_java_websocket_rtt_p99_us": p(socket, 0.99),
    "browser_to_java_datachannel_rtt_p50_us": p(channel, 0.5), "browser_to_java_datachannel_rtt_p99_us": p(channel, 0.99),
    "tab_to_tab_datachannel_rtt_p50_us": p(tabs, 0.5), "tab_to_tab_datachannel_rtt_p99_us": p(tabs, 0.99),
    "java_quic_rtt_p50_us": quic["rtt_p50_us"], "java_quic_rtt_p99_us": quic["rtt_p99_us"],
    "ratio_datachannel_p50_over_quic": round(p(channel, 0.5) / quic["rtt_p50_us"], 2), "ratio_target": "<= 2",
    "first_delivered_ms": firsts, "first_delivered_median_ms": statistics.median(firsts) if firsts else None,
    "first_delivered_target_ms": 1000,
}, indent=2))
PY
