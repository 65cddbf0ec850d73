#!/bin/sh
# Trains the image's ahead-of-time cache, lib/tom.aot, on what an operator's node does: `bin/tom node` starts with a
# store, another node joins it three times and sends it a message it acknowledges, and it stops on SIGTERM; the JVM
# writes the cache as it exits. The node runs through bin/tom itself (TOM_JAVA_OPTS only adds the output), so the
# cache is made with the launcher's own options, which the JVM requires to use it. Without the training's method
# profiles (JEP 515): replayed, they had the JIT compile the training's hot methods during every start.
# Usage: train-aot.sh IMAGE_DIR
set -eu
image="$1"
work="$(mktemp -d)"
node=""
cleanup() {
  if [ -n "$node" ]; then kill "$node" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

rm -f "$image/lib/tom.aot"
TOM_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput=$image/lib/tom.aot -Xlog:aot=off -Xlog:cds=off" \
  "$image/bin/tom" node --json --listen 127.0.0.1:0 --data-dir "$work/data" > "$work/node.out" 2> "$work/node.err" &
node=$!

waited=0
until grep -q '"started"' "$work/node.out" 2>/dev/null; do
  if ! kill -0 "$node" 2>/dev/null || [ "$waited" -ge 600 ]; then
    echo "train-aot: the training node did not start" >&2
    cat "$work/node.err" >&2
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done
started="$(grep '"started"' "$work/node.out" | head -n 1)"
id="$(echo "$started" | sed -n 's/.*"node_id":"\([0-9a-f]*\)".*/\1/p')"
address="$(echo "$started" | sed -n 's/.*"addresses":\["quic:\([^"]*\)".*/\1/p')"

for message in 1 2 3; do
  "$image/bin/tom" send --bootstrap "$id@$address" --wait-delivered "$id" "training message $message" > /dev/null
done

kill -TERM "$node"
wait "$node" || true
node=""
if [ ! -s "$image/lib/tom.aot" ]; then
  echo "train-aot: the training node wrote no cache" >&2
  cat "$work/node.err" >&2
  exit 1
fi
