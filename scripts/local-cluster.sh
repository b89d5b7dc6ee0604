#!/usr/bin/env bash
# Runs a sweep on this machine: a coordinator and N local workers, waits for the end, prints
# the report.
#
#   scripts/local-cluster.sh SWEEP [WORKERS] [RESULTS_DIR]
#
# WORKERS defaults to 2; RESULTS_DIR to results/<sweep name>. Running it again on the same
# RESULTS_DIR resumes the sweep: finished trials are kept and not run again.
set -euo pipefail
cd "$(dirname "$0")/.."
sweep=${1:?usage: scripts/local-cluster.sh SWEEP [WORKERS] [RESULTS_DIR]}
workers=${2:-2}
results=${3:-results/$(basename "$sweep" .yaml)}
bin=$(scripts/recur-bin.sh)
port=$(scripts/free-port.sh)
address="tcp://127.0.0.1:$port"
mkdir -p "$results"
export OPENBLAS_NUM_THREADS=1

"$bin" coordinator --sweep "$sweep" --results "$results" --bind "$address" --exit-when-done &
coordinator=$!
"$bin" worker --connect "$address" --count "$workers" 2>>"$results/workers.log" &
worker_group=$!
cleanup() { kill "$coordinator" "$worker_group" 2>/dev/null || true; }
trap cleanup INT TERM

status=0
wait "$coordinator" || status=$?
# The coordinator has told its workers to stop; give them a moment, then make sure.
for _ in $(seq 1 50); do kill -0 "$worker_group" 2>/dev/null || break; sleep 0.1; done
kill "$worker_group" 2>/dev/null || true
wait "$worker_group" 2>/dev/null || true
[ "$status" -eq 0 ] || { echo "coordinator exited with $status" >&2; exit "$status"; }

"$bin" report "$results"
