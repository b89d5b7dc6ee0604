#!/usr/bin/env bash
# A sweep across three hosts of its own, then a network failure in the middle of it.
#
# Makes three network namespaces (a coordinator host and two worker hosts, joined by veth
# pairs to a bridge inside the coordinator's namespace; the addresses exist only inside these
# namespaces), runs experiments/smoke.yaml across them, takes one worker host's link down while
# it runs a trial, and checks that the trial was requeued and finished on the other host with
# nothing lost. Removes everything it made, whatever happens. Needs root and iproute2.
#
#   scripts/netns-cluster.sh [SWEEP]
set -euo pipefail
cd "$(dirname "$0")/.."
sweep=${1:-experiments/smoke.yaml}
bin=$(RECUR_CONFIG=${RECUR_CONFIG:-debug} scripts/recur-bin.sh)
tag="recur$$"
ns_c="$tag-c" ns_1="$tag-w1" ns_2="$tag-w2"
subnet=10.231.$((RANDOM % 200 + 20))
results=$(mktemp -d)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for ns in "$ns_c" "$ns_1" "$ns_2"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$results"
}
trap cleanup EXIT

fail() { echo "netns-cluster: FAILED: $*" >&2; exit 1; }
in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# Three hosts; the bridge lives in the coordinator's namespace.
for ns in "$ns_c" "$ns_1" "$ns_2"; do ip netns add "$ns"; in_ns "$ns" ip link set lo up; done
in_ns "$ns_c" ip link add br0 type bridge
in_ns "$ns_c" ip addr add "$subnet.1/24" dev br0
in_ns "$ns_c" ip link set br0 up
n=1
for ns in "$ns_1" "$ns_2"; do
  n=$((n + 1))
  ip link add "$tag-v$n" netns "$ns_c" type veth peer name eth0 netns "$ns"
  in_ns "$ns_c" ip link set "$tag-v$n" master br0
  in_ns "$ns_c" ip link set "$tag-v$n" up
  in_ns "$ns" ip addr add "$subnet.$n/24" dev eth0
  in_ns "$ns" ip link set eth0 up
done

address="tcp://$subnet.1:5555"
export OPENBLAS_NUM_THREADS=1
in_ns "$ns_c" "$bin" coordinator --sweep "$sweep" --results "$results" --bind "$address" \
  --exit-when-done --heartbeat-interval 0.5s --heartbeat-liveness 4 >"$results/coordinator.log" 2>&1 &
coordinator=$!
pids+=("$coordinator")
in_ns "$ns_1" "$bin" worker --connect "$address" --name host1 >"$results/host1.log" 2>&1 &
pids+=("$!")
in_ns "$ns_2" "$bin" worker --connect "$address" --name host2 >"$results/host2.log" 2>&1 &
pids+=("$!")

status_json() { "$bin" status "$results" --json 2>/dev/null || echo '{}'; }
count() { status_json | tr -d ' \n' | grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2; }

# Wait until both hosts run a trial, then cut host 1 off the network.
for _ in $(seq 1 300); do
  [ "$(count running)" = 2 ] && break
  kill -0 "$coordinator" 2>/dev/null || fail "coordinator ended early: $(tail -5 "$results/coordinator.log")"
  sleep 0.1
done
[ "$(count running)" = 2 ] || fail "the two worker hosts never ran trials at the same time"
in_ns "$ns_1" ip link set eth0 down
echo "netns-cluster: link of host1 down while it runs a trial"

# The sweep must still finish, on host 2 alone.
for _ in $(seq 1 1200); do
  kill -0 "$coordinator" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$coordinator" 2>/dev/null && fail "the sweep did not finish within 120 s"
wait "$coordinator" || fail "coordinator exited with $?: $(tail -5 "$results/coordinator.log")"

trials=$(count trials) finished=$(count finished) diverged=$(count diverged)
attempts=$(count attempts) lost=$(count lost)
echo "netns-cluster: trials=$trials finished=$finished diverged=$diverged attempts=$attempts lost=$lost"
[ "$lost" = 0 ] || fail "$lost trials lost"
[ "$((finished + diverged))" = "$trials" ] || fail "only $finished of $trials trials finished"
[ "$attempts" -gt "$trials" ] || fail "no trial was requeued (attempts $attempts, trials $trials)"
echo "netns-cluster: ok: host1's trial was requeued and finished on host2"
