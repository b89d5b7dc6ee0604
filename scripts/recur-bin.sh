#!/usr/bin/env bash
# Prints the path of a built `recur` binary, building it first if needed.
# RECUR_BIN overrides; RECUR_CONFIG=debug|release picks the build (default release).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${RECUR_BIN:-}" ]; then
  echo "$RECUR_BIN"
  exit 0
fi
config=${RECUR_CONFIG:-release}
bin="$(swift build -c "$config" --show-bin-path)/recur"
if [ ! -x "$bin" ]; then
  swift build -c "$config" --product recur >&2
fi
echo "$bin"
