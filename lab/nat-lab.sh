#!/usr/bin/env bash
# The ToM NAT lab: a relay R on a public segment and two nodes A and B, each behind its own NAT, in network
# namespaces, with delay and loss on the NATs' "internet" links. It runs `tom node` in each namespace, makes A
# and B send messages to each other, and prints one JSON line per scenario. See docs/nat-lab.md.
#
# Run as root. Every namespace it creates is deleted when it ends, however it ends.
#
#   lab/nat-lab.sh [options] [SCENARIO...]     (no scenario: the four CI scenarios)
#
# Scenarios: default-nat, lossy, symmetric, rebinding, custom (uses --nat-a/--nat-b/--delay/--loss/--rebind-at).
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$LAB_DIR")

TOM=${TOM:-$REPO_DIR/tom-distribution/target/image/bin/tom}
NAT_A=eim
NAT_B=eim
DELAY_MS=20
LOSS_PCT=0
COUNT=60
INTERVAL_MS=100
REBIND_AT_MS=0
SETTLE_S=45
LOG_DIR=""
SCENARIOS=()

usage() {
    cat <<EOF
usage: $0 [options] [SCENARIO...]

Scenarios (default: default-nat lossy symmetric rebinding):
  default-nat   both NATs endpoint-independent, ${DELAY_MS} ms one-way delay per WAN link
  lossy         as default-nat, with 20 % loss on each WAN link, each way
  symmetric     NAT B symmetric (a new random port per destination): punching must fail, R relays all
  rebinding     NAT A changes its public address while A and B talk directly
  custom        what the options below say

Options (for custom; --count/--interval/--tom/--logs apply to all):
  --nat-a eim|symmetric   NAT A's mapping (default eim: endpoint-independent, port-preserving masquerade)
  --nat-b eim|symmetric   NAT B's mapping
  --delay MS              one-way delay on each WAN link, each direction (default $DELAY_MS)
  --loss PCT              loss on each WAN link, each direction (default $LOSS_PCT)
  --rebind-at MS          rebind NAT A this long after the first message (default: never)
  --count N               messages each of A and B sends (default $COUNT)
  --interval MS           between two messages (default $INTERVAL_MS)
  --tom PATH              the tom launcher (default: the built jlink image)
  --logs DIR              keep every node's output here (default: a temporary directory, deleted)
EOF
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --nat-a) NAT_A=$2; shift 2 ;;
        --nat-b) NAT_B=$2; shift 2 ;;
        --delay) DELAY_MS=$2; shift 2 ;;
        --loss) LOSS_PCT=$2; shift 2 ;;
        --rebind-at) REBIND_AT_MS=$2; shift 2 ;;
        --count) COUNT=$2; shift 2 ;;
        --interval) INTERVAL_MS=$2; shift 2 ;;
        --tom) TOM=$2; shift 2 ;;
        --logs) LOG_DIR=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
        *) SCENARIOS+=("$1"); shift ;;
    esac
done
[[ ${#SCENARIOS[@]} -gt 0 ]] || SCENARIOS=(default-nat lossy symmetric rebinding)

fail() { echo "nat-lab: $*" >&2; exit 1; }
log() { echo "nat-lab: $*" >&2; }

[[ $(id -u) -eq 0 ]] || fail "must run as root (it creates network namespaces)"
for tool in ip nft conntrack python3; do
    command -v "$tool" >/dev/null || fail "needs '$tool' (Debian packages: iproute2 nftables conntrack python3)"
done
[[ -x $TOM ]] || fail "no tom launcher at $TOM: build it with ./mvnw -pl tom-distribution -am package, or pass --tom"

RUN=$(printf '%04x' $((RANDOM % 65536)))
PREFIX="tomlab-$RUN"
WORK=$(mktemp -d "/tmp/tomlab-$RUN.XXXX")
PIDS=()
LINK_PIDS=()
NAMESPACES=()
CURRENT=""

cleanup() {
    local status=$?
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
    delete_namespaces
    keep_logs
    rm -rf "$WORK"
    return $status
}

keep_logs() {
    if [[ -n $LOG_DIR ]] && compgen -G "$WORK/*.out" >/dev/null; then
        mkdir -p "$LOG_DIR/${CURRENT:-setup}"
        cp "$WORK"/*.out "$WORK"/*.err "$WORK"/*.log "$LOG_DIR/${CURRENT:-setup}"/ 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ns() { echo "$PREFIX-$1"; }
in_ns() { local name=$1; shift; ip netns exec "$(ns "$name")" "$@"; }

add_ns() {
    local name
    name=$(ns "$1")
    ip netns add "$name"
    NAMESPACES+=("$name")
    ip -n "$name" link set lo up
    ip netns exec "$name" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
}

# veth NS1 IF1 NS2 IF2: a cable between two namespaces.
veth() {
    ip -n "$(ns "$1")" link add "$2" type veth peer name "$4" netns "$(ns "$3")"
    ip -n "$(ns "$1")" link set dev "$2" up
    ip -n "$(ns "$3")" link set dev "$4" up
}

# nat_rules NAME KIND: masquerade on the WAN side; unsolicited inbound WAN packets are dropped, as home NATs do
# (without that, a probe arriving before our own left creates a conntrack entry that steals the mapping).
nat_rules() {
    local flags=""
    [[ $2 == symmetric ]] && flags="fully-random"
    in_ns "$1" nft -f - <<EOF
table ip nat {
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        oifname "wan0" masquerade $flags
    }
}
table inet filter {
    chain forward {
        type filter hook forward priority filter; policy drop;
        ct state established,related accept
        iifname "lan0" oifname "wan0" accept
    }
    chain input {
        type filter hook input priority filter; policy accept;
        iifname "wan0" ct state new drop
    }
}
EOF
}

# topology: pub (bridge, R at 203.0.113.10) <- wire-X (delay/loss) -> nat-X (WAN 203.0.113.N, LAN 10.0.N.1) -> X
build_topology() {
    add_ns pub
    ip -n "$(ns pub)" link add br0 type bridge
    ip -n "$(ns pub)" addr add 203.0.113.10/24 dev br0
    ip -n "$(ns pub)" link set br0 up
    local side index
    for side in a b; do
        index=$([[ $side == a ]] && echo 1 || echo 2)
        add_ns "nat$side"
        add_ns "wire$side"
        add_ns "$side"
        veth "nat$side" wan0 "wire$side" tonat
        veth "wire$side" topub pub "port$side"
        ip -n "$(ns pub)" link set "port$side" master br0
        veth "nat$side" lan0 "$side" eth0
        ip -n "$(ns "nat$side")" addr add "203.0.113.$index/24" dev wan0
        ip -n "$(ns "nat$side")" addr add "10.0.$index.1/24" dev lan0
        in_ns "nat$side" sysctl -qw net.ipv4.ip_forward=1
        ip -n "$(ns "$side")" addr add "10.0.$index.2/24" dev eth0
        ip -n "$(ns "$side")" route add default via "10.0.$index.1"
    done
    nat_rules nata "$NAT_A"
    nat_rules natb "$NAT_B"
    for side in a b; do
        ip netns exec "$(ns "wire$side")" python3 "$LAB_DIR/wan-link.py" --a tonat --b topub --delay-ms "$DELAY_MS" \
            --loss-pct "$LOSS_PCT" --loss-on-signal 2>"$WORK/wire$side.log" &
        PIDS+=($!)
        LINK_PIDS+=($!)
    done
}

# Changes NAT A's public address: every mapping it had is gone, and new ones use the new address. A's outgoing
# packets are held back meanwhile: the kernel forgets masqueraded flows asynchronously after an address goes,
# and a packet slipping through half-way would get a mapping on a random port that the flush then drops again.
rebind_nat_a() {
    in_ns nata nft insert rule inet filter forward iifname "lan0" drop comment '"rebinding"'
    ip -n "$(ns nata)" addr del 203.0.113.1/24 dev wan0
    ip -n "$(ns nata)" addr add 203.0.113.3/24 dev wan0
    sleep 0.2
    in_ns nata conntrack -F >/dev/null 2>&1 || true
    local handle
    handle=$(in_ns nata nft -a list chain inet filter forward | sed -n 's/.*"rebinding".*# handle \([0-9]*\).*/\1/p')
    in_ns nata nft delete rule inet filter forward handle "$handle"
}

node_id() {
    "$TOM" id --data-dir "$WORK/id-$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["node_id"])'
}

# Waits until FILE has a line matching PATTERN, or fails after SECONDS.
await_line() {
    local file=$1 pattern=$2 seconds=$3 what=$4
    local deadline=$((SECONDS + seconds))
    until grep -q "$pattern" "$file" 2>/dev/null; do
        ((SECONDS < deadline)) || fail "$what not seen within ${seconds}s (see $file)"
        sleep 0.1
    done
}

run_scenario() {
    local scenario=$1
    case "$scenario" in
        default-nat) NAT_A=eim; NAT_B=eim; DELAY_MS=20; LOSS_PCT=0; REBIND_AT_MS=0 ;;
        lossy) NAT_A=eim; NAT_B=eim; DELAY_MS=20; LOSS_PCT=20; REBIND_AT_MS=0 ;;
        symmetric) NAT_A=eim; NAT_B=symmetric; DELAY_MS=20; LOSS_PCT=0; REBIND_AT_MS=0 ;;
        rebinding) NAT_A=eim; NAT_B=eim; DELAY_MS=20; LOSS_PCT=0; REBIND_AT_MS=5000 ;;
        custom) ;;
        *) fail "unknown scenario '$scenario' (default-nat, lossy, symmetric, rebinding, custom)" ;;
    esac
    for kind in "$NAT_A" "$NAT_B"; do
        [[ $kind == eim || $kind == symmetric ]] || fail "NAT kind must be eim or symmetric, got '$kind'"
    done
    log "scenario $scenario: NAT A $NAT_A, NAT B $NAT_B, ${DELAY_MS} ms, ${LOSS_PCT} % loss, rebinding at ${REBIND_AT_MS} ms"
    build_topology
    local count=$COUNT
    if ((REBIND_AT_MS > 0)); then
        # long enough to see the direct path die, the relay take over and a new direct path come up
        count=$(( (REBIND_AT_MS + 20000) / INTERVAL_MS > COUNT ? (REBIND_AT_MS + 20000) / INTERVAL_MS : COUNT ))
    fi
    local r a b
    r=$(node_id r); a=$(node_id a); b=$(node_id b)
    local start="$WORK/start" common=(node --json --option quic.keepalive-ms=5000)
    # started with ip netns exec directly (no function, no subshell): $! is the node's own process
    ip netns exec "$(ns pub)" "$TOM" "${common[@]}" --data-dir "$WORK/id-r" --listen 203.0.113.10:7400 \
        >"$WORK/r.out" 2>"$WORK/r.err" &
    PIDS+=($!)
    await_line "$WORK/r.out" '"event":"started"' 60 "R started"
    local side peer
    for side in a b; do
        peer=$([[ $side == a ]] && echo "$b" || echo "$a")
        ip netns exec "$(ns "$side")" "$TOM" "${common[@]}" --data-dir "$WORK/id-$side" --listen 0.0.0.0:7401 \
            --bootstrap "$r@203.0.113.10:7400" --send-to "$peer" --count "$count" --interval "$INTERVAL_MS" \
            --payload "from $side" --start-file "$start-$side" --settle-timeout "$SETTLE_S" \
            >"$WORK/$side.out" 2>"$WORK/$side.err" &
        PIDS+=($!)
    done
    # A and B do not adopt their public address: R is their one public peer, and a node adopts an address peers
    # report only when peers at two addresses agree. R's introductions carry the address R sees them at.
    for side in a b; do
        peer=$([[ $side == a ]] && echo "$b" || echo "$a")
        await_line "$WORK/$side.out" "\"peer\":\"$r\",\"state\":\"online\"" 60 "$side joining R"
        await_line "$WORK/$side.out" "\"peer\":\"$peer\",\"state\":\"discovered\"" 30 "$side discovering its peer"
    done
    # Loss starts now, once the nodes joined: the engine does not yet retry a bootstrap dial that failed.
    kill -USR1 "${LINK_PIDS[@]}"
    # A speaks first, so its time to a direct path counts from the message that made R introduce them; B
    # answers a second later.
    touch "$start-a"
    local started_ms rebind_ms=null
    started_ms=$(date +%s%3N)
    (sleep 1 && touch "$start-b") &
    if ((REBIND_AT_MS > 0)); then
        sleep "$((REBIND_AT_MS / 1000)).$(printf '%03d' $((REBIND_AT_MS % 1000)))"
        rebind_ms=$(date +%s%3N)
        rebind_nat_a
        log "NAT A rebound to 203.0.113.3 at +$((rebind_ms - started_ms)) ms"
    fi
    local budget=$((count * INTERVAL_MS / 1000 + SETTLE_S + 30))
    for side in a b; do
        await_line "$WORK/$side.out" '"event":"summary"' "$budget" "$side's summary"
    done
    for side in a b; do
        in_ns "nat$side" conntrack -L -p udp >"$WORK/nat$side-conntrack.log" 2>&1 || true
    done
    python3 "$LAB_DIR/lab-result.py" --scenario "$scenario" --nat-a "$NAT_A" --nat-b "$NAT_B" \
        --delay-ms "$DELAY_MS" --loss-pct "$LOSS_PCT" --rebind-ms "$rebind_ms" "$WORK/a.out" "$WORK/b.out"
    cleanup_scenario
}

cleanup_scenario() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
    LINK_PIDS=()
    delete_namespaces
    keep_logs
    rm -rf "${WORK:?}"/*
}

# Deletes the lab's namespaces, first ending whatever still runs in them (only processes this lab started).
delete_namespaces() {
    local ns pids
    for ns in "${NAMESPACES[@]}"; do
        pids=$(ip netns pids "$ns" 2>/dev/null || true)
        [[ -z $pids ]] || kill -9 $pids 2>/dev/null || true
        ip netns del "$ns" 2>/dev/null || true
    done
    NAMESPACES=()
}

for CURRENT in "${SCENARIOS[@]}"; do
    run_scenario "$CURRENT"
done
