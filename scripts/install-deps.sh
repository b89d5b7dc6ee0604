#!/usr/bin/env bash
# Installs the Debian packages Recur builds against (libzmq, OpenBLAS, SQLite headers,
# pkg-config; iproute2 for the network-namespace test), only when one is missing. Needs root
# (or sudo) the first time.
set -euo pipefail
packages=(libzmq3-dev libopenblas-dev libsqlite3-dev pkg-config iproute2)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ] || [ "${RECUR_FORCE_APT:-0}" = 1 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  $sudo apt-get install -y "${packages[@]}"
fi
