#!/usr/bin/env bash
# Prints a TCP port that is free on 127.0.0.1 right now.
set -euo pipefail
for _ in $(seq 1 50); do
  port=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "$port"
    exit 0
  fi
done
echo "no free port found" >&2
exit 1
