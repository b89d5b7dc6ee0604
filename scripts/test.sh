#!/usr/bin/env bash
# Installs what is missing and runs every test (README's second command; .ci/run calls it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export OPENBLAS_NUM_THREADS=1
swift build --build-tests
swift test --skip-build
