#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Install into a temporary prefix, then build and run a small program
# against it both ways (pkg-config and find_package), and run the installed
# tools as they are.
# usage: install.sh BUILD_DIR SOURCE_DIR
set -u
build=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
text='當前位置：首頁
一、總則
本辦法適用於全體員工。'
want_line=$(sed -n 's/^#define ZHTIDY_VERSION_STRING "\(.*\)"/\1/p' "$src/lib/zhtidy.h")

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 && ok ||
  { bad "cmake --install failed: $(tail -3 "$tmp/install.log")"; echo "install: $pass passed, $fail failed"; exit 1; }

# pkg-config, from wherever the prefix is
export PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name zhtidy.pc)")
[ "$(pkg-config --modversion zhtidy)" = "$want_line" ] && ok || bad "pkg-config --modversion gives '$(pkg-config --modversion zhtidy)', not $want_line"
pcprefix=$(pkg-config --variable=prefix zhtidy)
[ "$(realpath "$pcprefix")" = "$(realpath "$prefix")" ] && ok || bad "zhtidy.pc names prefix $pcprefix, not $prefix"
libdir=$(pkg-config --variable=libdir zhtidy)
# a library built with the sanitizers (ZHTIDY_SANITIZE) needs their runtime
# first in the program that loads it
san=
ldd "$libdir/libzhtidy.so" | grep -q libasan && san=-fsanitize=address,undefined
if cc $san $(pkg-config --cflags zhtidy) "$src/tests/install/example.c" -o "$tmp/example-pc" \
     $(pkg-config --libs zhtidy) -Wl,-rpath,"$libdir" 2>"$tmp/cc.log"; then
  ok
  out=$("$tmp/example-pc" "$text") && [ "${out%% *}" = "$want_line" ] && ok ||
    bad "the pkg-config build printed '$out'"
else
  bad "compiling with pkg-config failed: $(head -5 "$tmp/cc.log")"
fi

# find_package(zhtidy CONFIG)
if cmake -S "$src/tests/install" -B "$tmp/cm" -DCMAKE_PREFIX_PATH="$prefix" \
     -DCMAKE_BUILD_RPATH="$libdir" ${san:+-DCMAKE_C_FLAGS=$san -DCMAKE_EXE_LINKER_FLAGS=$san} \
     >"$tmp/cm.log" 2>&1 &&
   cmake --build "$tmp/cm" >>"$tmp/cm.log" 2>&1; then
  ok
  out=$("$tmp/cm/example" "$text") && [ "${out%% *}" = "$want_line" ] && ok ||
    bad "the find_package build printed '$out'"
else
  bad "building with find_package(zhtidy) failed: $(tail -5 "$tmp/cm.log")"
fi

# the installed tools run as they are, from another directory, with no
# library path set, and never load a libzhtidy from the current directory
cd "$tmp"
for t in zhtidy zhtidy-txt zhtidy-docx zhtidy-epub; do
  if [ -x "$prefix/bin/$t" ]; then
    env -u LD_LIBRARY_PATH "$prefix/bin/$t" --version >/dev/null 2>&1 && ok || bad "installed $t does not run"
    runpath=$(readelf -d "$prefix/bin/$t" | sed -n 's/.*R.*PATH.*\[\(.*\)\]/\1/p')
    case ":$runpath:" in *::*) bad "$t has an empty RUNPATH entry: '$runpath'" ;; *) ok ;; esac
  fi
done
if [ -x "$prefix/bin/zhtidy-txt" ]; then
  out=$(printf '%s\n' "$text" | "$prefix/bin/zhtidy-txt" -) && printf '%s' "$out" | grep -q '本辦法適用於全體員工' && ok ||
    bad "installed zhtidy-txt did not convert: '$out'"
else
  echo "(no tools: a build with ZHTIDY_BUILD_TOOLS=OFF)"
fi
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
