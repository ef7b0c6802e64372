#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Conversion between scripts: zhtidy_convert next to OpenCC, per configuration,
# on real text.  Figures go to standard output; each floor is checked:
#   speed     MB/s of the opencc tool and of zhtidy_convert on the same input
#             (floor: 10 times OpenCC's, for each of ten configurations)
#   start-up  the first conversion of one line in a new process, whatever
#             the tables cost included (floor: 5 ms)
#   memory    how much the peak resident size grows while converting
#             (floor: twice the size of OpenCC's dictionaries)
#   diff      every configuration through zhtidy_convert and libopencc on all
#             of the text (floor: byte-identical)
# The text comes from Debian packages (LibreOffice's help and translations,
# manpages-zh, the Debian Reference): apt-get download fetches them (run
# once as root if apt has no package lists yet), dpkg-deb unpacks them, and
# the text extracted from them is kept in BUILD_DIR/bench-text.
# usage: bench/convert.sh [BUILD_DIR]   (a Release build: cmake -DCMAKE_BUILD_TYPE=Release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "${1:-build}" && pwd)
conv=$build/bench/bench_convert
spawn=$build/bench/bench_spawn
cache=$build/bench-text
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
packages=(libreoffice-help-zh-cn libreoffice-help-zh-tw libreoffice-l10n-zh-cn
          libreoffice-l10n-zh-tw manpages-zh debian-reference-zh-cn debian-reference-zh-tw)
timed=(s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s t2tw t2hk)
all=("${timed[@]}" tw2t hk2t jp2t t2jp)
missed=0
miss() { echo "FLOOR MISSED: $*"; missed=$((missed + 1)); }

download() {
  mkdir -p "$cache/debs"
  (cd "$cache/debs" && apt-get download "${packages[@]}" >/dev/null 2>&1) && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "convert.sh: apt-get download failed; as root, run: apt-get update" >&2
    exit 1
  fi
  apt-get update -qq
  (cd "$cache/debs" && apt-get download "${packages[@]}" >/dev/null 2>&1)
}

# extract HELP_LANG LOCALE REF_LANG: the text of one script, markup removed
extract() {
  local r=$cache/root
  find "$r/usr/share/libreoffice/help/$1" -name '*.html' -print0 | sort -z | xargs -0 cat |
    sed -e 's/<[^>]*>//g' -e 's/^[[:space:]]*//' | grep -v '^$'
  find "$r/usr/share/man/$2" -name '*.gz' -print0 | sort -z | xargs -0 zcat
  find "$r" -path "*/$2/LC_MESSAGES/*.mo" -print0 | sort -z | xargs -0 -n 1 msgunfmt
  zcat "$r/usr/share/debian-reference/debian-reference.$3.txt.gz"
}

fetch_text() {
  [ -s "$cache/hans.txt" ] && [ -s "$cache/hant.txt" ] && [ -s "$cache/html.txt" ] && return 0
  command -v msgunfmt >/dev/null || { echo "convert.sh: msgunfmt missing (Debian package gettext)" >&2; exit 1; }
  download
  rm -rf "$cache/root"
  for d in "$cache"/debs/*.deb; do dpkg-deb -x "$d" "$cache/root"; done
  # iconv -c drops any invalid UTF-8: the comparison is about valid text
  extract zh-CN zh_CN zh-cn | { iconv -c -f UTF-8 -t UTF-8 || true; } >"$cache/hans.txt"
  extract zh-TW zh_TW zh-tw | { iconv -c -f UTF-8 -t UTF-8 || true; } >"$cache/hant.txt"
  # the help pages as shipped, markup and all, both scripts
  find "$cache/root/usr/share/libreoffice/help" -name '*.html' -print0 | sort -z | xargs -0 cat |
    { iconv -c -f UTF-8 -t UTF-8 || true; } >"$cache/html.txt"
  rm -rf "$cache/root"
}

mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }

fetch_text
echo "== real text: Simplified $(mb "$cache/hans.txt") MB, Traditional $(mb "$cache/hant.txt") MB," \
     "help pages as shipped $(mb "$cache/html.txt") MB"

echo "== speed: the opencc tool and zhtidy_convert on the same input (MB/s)"
printf '%-6s %-5s %8s %8s %8s\n' config input opencc zhtidy ratio
for c in "${timed[@]}"; do
  case $c in s2*) in=$cache/hans.txt ;; *) in=$cache/hant.txt ;; esac
  read -r _ best < <("$spawn" 1 opencc -c "$c" -i "$in" -o "$work/out")
  ours=$("$conv" speed "$c" "$in")
  ratio=$(awk -v b="$(stat -c %s "$in")" -v ms="$best" -v z="$ours" 'BEGIN {
    o = b / 1e3 / ms; printf "%.1f %.1f", o, z / o }')
  read -r theirs x <<<"$ratio"
  printf '%-6s %-5s %8s %8s %7sx\n' "$c" "$(basename "$in" .txt)" "$theirs" "$ours" "$x"
  awk -v x="$x" 'BEGIN { exit !(x < 10) }' && miss "$c is only ${x}x OpenCC's speed"
done

echo "== start-up: first conversion of one line in a new process (ms, median of 5)"
worst=0
for c in "${all[@]}"; do
  ms=$(for i in 1 2 3 4 5; do "$conv" startup "$c"; done | sort -n | sed -n 3p)
  printf '%s %s  ' "$c" "$ms"
  worst=$(awk -v a="$worst" -v b="$ms" 'BEGIN { print (b > a ? b : a) }')
done
echo
echo "slowest: $worst ms"
awk -v w="$worst" 'BEGIN { exit !(w > 5) }' && miss "start-up takes $worst ms"
printf '我们的一行。\n' >"$work/line.txt"
read -r zm _ < <("$spawn" 21 "$conv" startup s2t)
read -r om _ < <("$spawn" 5 opencc -c s2t -i "$work/line.txt" -o "$work/out")
echo "whole process, one line, s2t (median): bench_convert $zm ms, opencc tool $om ms"

echo "== memory: growth of the peak resident size while converting (KB)"
dicts=$(sed -n 's/^ZHTIDY_OPENCC_DATA:PATH=//p' "$build/CMakeCache.txt")
dict_kb=$(cat "$dicts"/*.ocd2 | wc -c | awk '{ printf "%d", $1 / 1024 }')
echo "OpenCC's dictionaries: $dict_kb KB; floor $((2 * dict_kb)) KB"
for c in "${all[@]}"; do
  case $c in s2*) in=$cache/hans.txt ;; *) in=$cache/hant.txt ;; esac
  kb=$("$conv" memory "$c" "$in")
  printf '%s %s  ' "$c" "$kb"
  [ "$kb" -le $((2 * dict_kb)) ] || miss "$c grows the peak by $kb KB"
done
echo
kb=$(/usr/bin/time -f %M opencc -c s2t -i "$cache/hans.txt" -o "$work/out" 2>&1 >/dev/null | tail -1)
echo "for scale, the opencc tool's whole peak on s2t: $kb KB"

echo "== diff: every configuration, zhtidy_convert against libopencc, on all the text"
if printf '%s\n' "${all[@]}" | xargs -P 2 -I{} "$conv" diff {} "$cache/hans.txt" "$cache/hant.txt" \
     "$cache/html.txt" >"$work/diff" 2>"$work/diff.err"; then :; else
  head -20 "$work/diff.err"
  miss "zhtidy_convert and libopencc differ"
fi
sort "$work/diff"
[ "$(wc -l <"$work/diff")" -eq "${#all[@]}" ] || miss "not every configuration was compared"

echo "convert bench: $missed floors missed"
[ "$missed" -eq 0 ]
