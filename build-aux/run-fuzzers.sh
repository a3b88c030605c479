#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer harnesses with clang in build-fuzz/ and runs each one
# for a bounded time (FUZZ_SECONDS, default 20) on a copy of its seed corpus,
# after replaying the saved regression inputs. Prints one line per harness
# and exits non-zero if any harness crashed; crash inputs are left in
# build-fuzz/crashes/ so that they can be added to fuzz/regressions/.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-20}"
build=build-fuzz

if ! command -v clang >/dev/null; then
  echo "run-fuzzers: clang is not installed" >&2
  exit 1
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dui=false -Dtests=false >/dev/null ||
    { echo "run-fuzzers: meson setup failed" >&2; exit 1; }
fi
ninja -C "$build" >/dev/null || { echo "run-fuzzers: build failed" >&2; exit 1; }

mkdir -p "$build/crashes"
failed=0
ran=0
for exe in "$build"/fuzz/fuzz-*; do
  # Skip meson's object folders (fuzz-*.p), which are "executable" too.
  [ -f "$exe" ] && [ -x "$exe" ] || continue
  name=$(basename "$exe")
  kind=${name#fuzz-}
  work=$(mktemp -d)
  cp -r "fuzz/corpus/$kind/." "$work/" 2>/dev/null || true
  log="$build/crashes/$name.log"
  ran=$((ran + 1))

  # Old crashes first: each must now run clean.
  if [ -d "fuzz/regressions/$kind" ] && [ -n "$(ls -A "fuzz/regressions/$kind")" ]; then
    if ! "$exe" -runs=0 "fuzz/regressions/$kind" >"$log" 2>&1 &&
       ! "$exe" "fuzz/regressions/$kind"/* >>"$log" 2>&1; then
      echo "$name: FAILED on a saved regression input (see $log)"
      failed=1
      rm -rf "$work"
      continue
    fi
  fi

  if "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$build/crashes/$name-" "$work" >"$log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*')
    echo "$name: ok, ${runs:-?} runs in ${seconds}s"
  else
    echo "$name: CRASH (input in $build/crashes/, log in $log)"
    failed=1
  fi
  rm -rf "$work"
done

if [ "$ran" -eq 0 ]; then
  echo "run-fuzzers: no harness was built" >&2
  exit 1
fi
exit $failed
