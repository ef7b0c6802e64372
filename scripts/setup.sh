#!/usr/bin/env bash
# Install the Debian packages zhtidy needs.  As root, installs what is
# missing; otherwise prints the apt-get line to run.  Then fetches the
# libxml2 and libzip sources the tools link statically (into .deps/; see
# cmake/ZhtidyBundled.cmake).
#   scripts/setup.sh          what building and converting need
#   scripts/setup.sh --test   also the programs the test suite runs
set -euo pipefail
cd "$(dirname "$0")/.."

build_pkgs=(gcc make cmake pkg-config binutils libc6-dev zlib1g-dev libxml2-dev libzip-dev
            libopencc-dev libopencc-data opencc libutf8proc-dev libjson-c-dev)
test_pkgs=(libxml2-utils pandoc epubcheck default-jre-headless libreoffice-writer-nogui
           fonts-noto-cjk poppler-utils unzip)

want=("${build_pkgs[@]}")
case "${1:-}" in
  --test) want+=("${test_pkgs[@]}") ;;
  "") ;;
  *) echo "usage: $0 [--test]" >&2; exit 2 ;;
esac

# Fetch one source tarball from Debian's archive into .deps/, unless it is
# there with the right SHA-256.  apt's own downloader uses apt's proxy
# settings; curl or wget stand in where it is missing.  The mirror is
# ZHTIDY_DEBIAN_MIRROR, else the one apt installs Debian's main packages
# from, else deb.debian.org.
mirrors=($({ echo "${ZHTIDY_DEBIAN_MIRROR:-}"
             apt-cache policy 2>/dev/null | awk '$3 ~ /^[a-z]+\/main$/ && $3 !~ /security/ { print $2 }'
             echo http://deb.debian.org/debian; } | awk 'NF && !seen[$0]++'))
download() { # url file sha256
  if [ -x /usr/lib/apt/apt-helper ]; then
    /usr/lib/apt/apt-helper -qq download-file "$1" "$2" "SHA256:$3" >/dev/null 2>&1
  elif command -v curl >/dev/null; then
    curl -fsSL -o "$2" "$1"
  elif command -v wget >/dev/null; then
    wget -q -O "$2" "$1"
  else
    return 1
  fi
}
fetch() { # path sha256
  local file=.deps/${1##*/} m
  if [ -f "$file" ] && echo "$2  $file" | sha256sum -c --quiet - 2>/dev/null; then
    return 0
  fi
  mkdir -p .deps
  for m in "${mirrors[@]}"; do
    rm -f "$file.part"*
    if download "$m/$1" "$file.part" "$2" &&
       echo "$2  $file.part" | sha256sum -c --quiet - 2>/dev/null; then
      mv "$file.part" "$file"
      echo "setup: fetched $file from $m"
      return 0
    fi
  done
  rm -f "$file.part"*   # apt-helper keeps a failed download as .part.FAILED
  echo "setup: could not fetch ${1##*/} (tried ${mirrors[*]}); the tools will use" \
       "the system's shared libxml2 and libzip, which start more slowly" >&2
}

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#want[@]} packages are installed"
else
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
fi

while read -r name path sha; do
  case "$name" in ''|'#'*) continue ;; esac
  fetch "$path" "$sha"
done <cmake/bundled-sources.txt
