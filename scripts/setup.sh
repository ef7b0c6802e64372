#!/usr/bin/env bash
# Install the Debian packages zhtidy needs.  As root, installs what is
# missing; otherwise prints the apt-get line to run.
#   scripts/setup.sh          what building and converting need
#   scripts/setup.sh --test   also the programs the test suite runs
set -euo pipefail

build_pkgs=(gcc make cmake pkg-config libc6-dev libxml2-dev libzip-dev libopencc-dev
            libopencc-data opencc libutf8proc-dev)
test_pkgs=(libxml2-utils pandoc epubcheck default-jre-headless libreoffice-writer-nogui
           fonts-noto-cjk poppler-utils unzip)

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
  echo "setup: all ${#want[@]} packages are installed"
  exit 0
fi
line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages; run as root:" >&2
  echo "  apt-get update && $line" >&2
  exit 1
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$line -qq
