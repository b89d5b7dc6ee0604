#!/usr/bin/env bash
# README's first command: installs what is missing, builds, runs experiments/smoke.yaml through
# a coordinator and two local workers on the embedded SQLite default, and prints the report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
exec scripts/local-cluster.sh experiments/smoke.yaml 2
