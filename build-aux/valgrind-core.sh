#!/usr/bin/env bash
# Runs the headless core test suite under valgrind memcheck in its own build
# tree (build-valgrind, no sanitizers: they do not mix with valgrind). Fails
# on any memory error and on definite leaks; memory GLib and ICU keep for the
# life of the process ("still reachable", "possibly lost" in type tables) is
# not counted. Extra arguments go to `meson test` (a test name, for one).
set -euo pipefail
cd "$(dirname "$0")/.."

build=build-valgrind
if ! command -v valgrind >/dev/null; then
  echo "valgrind-core: valgrind is not installed" >&2
  exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dui=false -Dbuildtype=debug >/dev/null
fi
ninja -C "$build" >/dev/null

# GLib's slice allocator hides leaks from valgrind unless told to use malloc.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly,fatal-warnings

wrap="valgrind --quiet --error-exitcode=99 --leak-check=full \
  --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --track-origins=yes --num-callers=30"

if meson test -C "$build" --suite core --wrap="$wrap" --timeout-multiplier=10 \
     --num-processes 2 --print-errorlogs "$@"; then
  echo "valgrind-core: no memory errors, no definite leaks"
else
  echo "valgrind-core: FAILED (see $build/meson-logs/testlog-valgrind.txt)"
  exit 1
fi
