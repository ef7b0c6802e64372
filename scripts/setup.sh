#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Install the Debian packages zhtidy needs, and nothing else.  As root,
# installs what is missing; otherwise prints the apt-get line to run.
#   scripts/setup.sh          what building and converting need
#   scripts/setup.sh --test   also the programs the test suite runs
# One line of output; apt's own output goes to $ZHTIDY_LOG_DIR/apt.log
# (default: a temporary file) and is shown only when apt fails.
set -euo pipefail
cd "$(dirname "$0")/.."

build_pkgs=(gcc make cmake pkg-config binutils libc6-dev libxml2-dev libzip-dev
            libopencc-dev libopencc-data opencc libutf8proc-dev libjson-c-dev)
test_pkgs=(libxml2-utils pandoc epubcheck default-jre-headless libreoffice-writer-nogui
           fonts-noto-cjk poppler-utils unzip python3 python3-cffi python3-distributed
           parallel valgrind strace clang libclang-rt-14-dev)

want=("${build_pkgs[@]}")
case "${1:-}" in
  --test) want+=("${test_pkgs[@]}") ;;
  "") ;;
  *) echo "usage: $0 [--test]" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#want[@]} Debian packages are installed"
  exit 0
fi
line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: ${#missing[@]} Debian packages are missing; as root, run:" >&2
  echo "  apt-get update && $line" >&2
  exit 1
fi
log=${ZHTIDY_LOG_DIR:+$ZHTIDY_LOG_DIR/apt.log}
if [ -z "$log" ]; then
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
else
  mkdir -p "$ZHTIDY_LOG_DIR"
fi
start=$SECONDS
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q && $line; } >"$log" 2>&1; then
  echo "setup: apt-get failed installing ${missing[*]}:" >&2
  grep -E '^(E|W): ' "$log" >&2 || tail -20 "$log" >&2
  exit 1
fi
echo "setup: installed ${#missing[@]} Debian packages ($((SECONDS - start)) s)"
