#!/usr/bin/env bash
# Starts Recur workers on other machines over ssh, in the background, one per core unless told.
#
#   scripts/ssh-workers.sh COORDINATOR_ADDRESS HOST...
#   e.g. scripts/ssh-workers.sh tcp://head.example.org:5555 node1 node2 user@node3
#
# Each HOST needs `recur` built there (clone the repository and run `swift build -c release`,
# or copy the binary; it needs libzmq5 and libopenblas0 at run time) and ssh access without a
# password prompt. Settings, from the environment:
#   RECUR_REMOTE_BIN   path of recur on the hosts (default: recur on the PATH)
#   RECUR_COUNT        worker processes per host (default: the host's core count)
#   RECUR_SERVER_KEY   coordinator's public key file on the hosts (CURVE; with RECUR_KEY)
#   RECUR_KEY          this worker's key file on the hosts (from `recur keys generate`)
#   RECUR_LOG          log file on the hosts (default: recur-worker.log in the home folder)
# Stop them with: ssh HOST pkill -f 'recur worker'
set -euo pipefail
address=${1:?usage: scripts/ssh-workers.sh COORDINATOR_ADDRESS HOST...}
shift
[ "$#" -ge 1 ] || { echo "name at least one host" >&2; exit 64; }
bin=${RECUR_REMOTE_BIN:-recur}
log=${RECUR_LOG:-recur-worker.log}
keys=""
if [ -n "${RECUR_SERVER_KEY:-}" ] || [ -n "${RECUR_KEY:-}" ]; then
  : "${RECUR_SERVER_KEY:?set RECUR_SERVER_KEY with RECUR_KEY}" "${RECUR_KEY:?set RECUR_KEY with RECUR_SERVER_KEY}"
  keys="--server-key $(printf %q "$RECUR_SERVER_KEY") --key $(printf %q "$RECUR_KEY")"
fi
for host in "$@"; do
  count=${RECUR_COUNT:-'$(nproc)'}
  remote="OPENBLAS_NUM_THREADS=1 nohup $(printf %q "$bin") worker --connect $(printf %q "$address") --count $count $keys >>$(printf %q "$log") 2>&1 </dev/null &"
  echo "starting workers on $host"
  ssh -o BatchMode=yes "$host" "$remote"
done
