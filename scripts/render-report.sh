#!/usr/bin/env bash
# Renders an HTML report (recur report DIR --format html --out REPORT.html) to a PNG with
# headless Chromium, to check what a browser shows without opening one.
#
#   scripts/render-report.sh REPORT.html OUT.png [WIDTH] [HEIGHT]
#
# Installs Debian's chromium package when no chromium is found (needs root or sudo). The
# window defaults to 1400 x 4000 pixels (the report is laid out for 1400); the screenshot is
# the window, so a taller report needs a larger HEIGHT.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH] [HEIGHT]" >&2
  exit 64
fi
report=$1
out=$2
width=${3:-1400}
height=${4:-4000}
if [[ ! -f "$report" ]]; then
  echo "$report does not exist; write one with: recur report DIR --format html --out $report" >&2
  exit 66
fi

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$browser" ]]; then
  echo "chromium not found; installing Debian's chromium package" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
  browser=$(command -v chromium)
fi

# Absolute paths: Chromium resolves file URLs and --screenshot against its own directory.
report_path=$(realpath "$report")
mkdir -p "$(dirname "$out")"
out_path="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out_path"
profile=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$profile" "$log"' EXIT
url="file://${report_path// /%20}"

# --no-sandbox: Chromium's sandbox needs user namespaces, which containers and root lack.
# Its chatter (D-Bus, GPU, fonts) goes to a log shown only if no screenshot comes out.
if ! "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$profile" --no-first-run --no-default-browser-check \
  --window-size="$width,$height" --screenshot="$out_path" "$url" >"$log" 2>&1 ||
  [[ ! -s "$out_path" ]]; then
  cat "$log" >&2
  echo "chromium wrote no screenshot to $out_path" >&2
  exit 70
fi
echo "wrote $out_path (${width}x${height})"
