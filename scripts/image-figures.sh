#!/usr/bin/env bash
# Image size, start time, time to a first delivered message and idle RSS of the runtime image, each next to
# a baseline measured in the same run (the image's bare JVM). Build the image first:
#   ./mvnw -B -q package -DskipTests && scripts/image-figures.sh [runs]
set -euo pipefail
image="$(cd "$(dirname "$0")/../tom-distribution/target/image" && pwd)"
runs="${1:-10}"
tom="$image/bin/tom"
work="$(mktemp -d)"
receiver=""
cleanup() {
  [ -n "$receiver" ] && kill "$receiver" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
# seconds until the first line of output of a command that keeps running
first_line() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
start = time.monotonic()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
p.stdout.readline()
print("%.3f" % (time.monotonic() - start))
p.terminate(); p.wait()
PY
}
rss_kb() { # idle resident set of a command after 15 s: VmRSS RssAnon RssFile
  "$@" >/dev/null 2>&1 & local pid=$!
  sleep 15
  awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s ", $2}' "/proc/$pid/status"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

cat > "$work/Idle.java" <<'JAVA'
public class Idle { public static void main(String[] a) throws Exception { System.out.println("up"); Thread.sleep(60_000); } }
JAVA
javac="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/javac"
"$javac" --release 21 -d "$work" "$work/Idle.java"

echo "image: $(du -sm "$image" | cut -f1) MB (lib/modules $(du -sm "$image/lib/modules" | cut -f1) MB, lib/tom.aot $(du -sm "$image/lib/tom.aot" | cut -f1) MB, lib/server $(du -sm "$image/lib/server" | cut -f1) MB)"

printf 'bare JVM start (java -version) s, median of %s: ' "$runs"
for _ in $(seq "$runs"); do seconds "$image/bin/java" -XX:+UseParallelGC -version; done | median
printf 'tom --version s: '
for _ in $(seq "$runs"); do seconds "$tom" --version; done | median
printf 'tom node ready (first event line) s: '
for _ in $(seq "$runs"); do first_line "$tom" node --json --listen 127.0.0.1:0; done | median

"$tom" node --json --listen 127.0.0.1:0 > "$work/receiver.out" 2>/dev/null & receiver=$!
while ! grep -q started "$work/receiver.out" 2>/dev/null; do sleep 0.1; done
id=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["node_id"])' "$work/receiver.out")
address=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["addresses"][0].split(":",1)[1])' "$work/receiver.out")
printf 'tom send, process start to delivered ACK, s: '
for _ in $(seq "$runs"); do seconds "$tom" send --bootstrap "$id@$address" --wait-delivered "$id" hello; done | median

echo "idle RSS kB (VmRSS RssAnon RssFile), tom node: $(rss_kb "$tom" node --listen 127.0.0.1:0)"
echo "idle RSS kB (VmRSS RssAnon RssFile), bare JVM sleeping: $(rss_kb "$image/bin/java" -XX:+UseParallelGC -cp "$work" Idle)"
