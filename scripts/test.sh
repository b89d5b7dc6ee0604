#!/usr/bin/env bash
# Installs what is missing and runs every test (README's second command; .ci/run calls it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export OPENBLAS_NUM_THREADS=1
# House style: the toolchain's formatter, default settings, on every tracked Swift file.
git ls-files -z '*.swift' | xargs -0 swift format lint --strict
swift build --build-tests

# A sweep across three network namespaces with a link cut mid-trial; needs root (CI is root).
if [ "$(id -u)" -eq 0 ] && command -v ip >/dev/null && ip netns list >/dev/null 2>&1; then
  RECUR_CONFIG=debug scripts/netns-cluster.sh
else
  echo "skipping scripts/netns-cluster.sh: it needs root and iproute2"
fi

swift test --skip-build
