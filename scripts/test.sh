#!/usr/bin/env bash
# Installs what is missing and runs every test (README's second command; .ci/run calls it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export OPENBLAS_NUM_THREADS=1
# Test targets are declared only once their folder exists (Package.swift): never reuse a
# manifest cached before a folder appeared, or its tests would be silently skipped.
swift build --build-tests --manifest-cache none
swift test --skip-build
