#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the headless core test suite under valgrind memcheck in its own build
# tree (build-valgrind, or $VALGRIND_BUILD; no sanitizers: they do not mix
# with valgrind). Fails on any memory error and on definite leaks; memory
# GLib and ICU keep for the life of the process ("still reachable",
# "possibly lost" in type tables) is not counted. build-aux/valgrind.supp
# names the little that valgrind cannot see (PCRE2's JIT code).
#
# Writes one TAP line per test program to BUILD/valgrind.tap, for
# build-aux/count-tests.py. Extra arguments go to `meson test` (a test
# name, for one).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${VALGRIND_BUILD:-build-valgrind}
tap="$build/valgrind.tap"
if ! command -v valgrind >/dev/null; then
  echo "valgrind-core: valgrind is not installed" >&2
  exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dui=false -Dbuildtype=debug >/dev/null
fi
# meson names the log after the wrapper: testlog-valgrind.json.
log="$build/meson-logs/testlog-valgrind.json"
rm -f "$tap" "$log"
ninja -C "$build" >/dev/null

# GLib's slice allocator hides leaks from valgrind unless told to use malloc.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly,fatal-warnings

wrap="valgrind --quiet --error-exitcode=99 --leak-check=full \
  --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --suppressions=$PWD/build-aux/valgrind.supp \
  --track-origins=yes --num-callers=30"

status=0
meson test -C "$build" --suite core --wrap="$wrap" --timeout-multiplier=10 \
  --num-processes 2 --print-errorlogs "$@" || status=1

[ -f "$log" ] && python3 - "$log" > "$tap" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding='utf-8', errors='replace'):
    if line.strip():
        t = json.loads(line)
        ok = t.get('result') in ('OK', 'SKIP', 'EXPECTEDFAIL')
        name = str(t.get('name')).split(' / ')[-1]
        print(f"{'ok' if ok else 'not ok'} valgrind {name}")
PY

if [ $status -eq 0 ]; then
  echo "valgrind-core: no memory errors, no definite leaks"
else
  echo "valgrind-core: FAILED (see $build/meson-logs/testlog-valgrind.txt)"
  exit 1
fi
