#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# px-bench-memory.sh [BUILD_DIR] [N_ARTICLES]: the app's resident memory
# (VmRSS, and its peak VmHWM) once its window has settled, against
# DESIGN.md §6's 150 MB with 10,000 articles.
#
#   xvfb-run -a bench/px-bench-memory.sh build 10000
#
# Not a test: it prints a table. It writes N generated articles (about
# 2.5 KB of text each), imports them with parallax-cli into a temporary
# corpus, opens the app on it (the sidebar lists them all) and reads
# /proc/PID/status after WAIT seconds (default 10); then the same on the
# demo corpus, for what GTK and the libraries cost before any article. Each
# renderer in RENDERERS (default "cairo gl") is measured; under Xvfb, "gl"
# is Mesa's software llvmpipe, whose buffers a real GPU would hold.
set -eu
build=${1:-build}
n=${2:-10000}
wait_s=${WAIT:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
case "$build" in /*) ;; *) build=$root/$build ;; esac
app=$build/src/parallax
cli=$build/src/cli/parallax-cli
[ -x "$app" ] && [ -x "$cli" ] || { echo "px-bench-memory: build first ($app)" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "px-bench-memory: needs a display (xvfb-run -a)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/articles"
python3 - "$work/articles" "$n" <<'EOF'
import random, sys
out, n = sys.argv[1], int(sys.argv[2])
random.seed(5)
words = ("la délégation est arrivée lundi matin pour des pourparlers sur le "
         "cessez-le-feu selon trois sources proches du dossier tandis que "
         "les habitants attendent toujours une aide promise depuis des semaines").split()
for i in range(n):
    with open(f"{out}/a{i:05d}.txt", "w") as f:
        f.write(f"Dépêche {i}\n\n")
        for _ in range(6):
            f.write(" ".join(random.choice(words) for _ in range(60)).capitalize() + ".\n\n")
EOF
"$cli" --db "$work/big.db" import "$work/articles" > /dev/null

# rss ARGS...: "VmRSS VmHWM" in MB of the app started with ARGS.
rss () {
  local home pid
  home=$(mktemp -d -p "$work")
  HOME=$home XDG_DATA_HOME=$home XDG_CONFIG_HOME=$home \
  GSETTINGS_SCHEMA_DIR=$build/data PARALLAX_SAMPLES_DIR=$root/data/samples \
    "$app" "$@" > "$home/app.log" 2>&1 &
  pid=$!
  sleep "$wait_s"
  awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { printf "%.0f %.0f\n", r / 1024, h / 1024 }' \
    "/proc/$pid/status"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
}

printf '| %-44s | %-8s | %9s | %9s | %-12s |\n' "corpus" "renderer" "VmRSS" "peak" "target"
printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "----------" \
  "-----------" "-----------" "--------------"
for renderer in ${RENDERERS:-cairo gl}; do
  export GSK_RENDERER=$renderer
  read -r r h < <(rss --demo)
  printf '| %-44s | %-8s | %6s MB | %6s MB | %-12s |\n' "the 4-article demo" "$renderer" "$r" "$h" ""
  read -r r h < <(rss --db "$work/big.db")
  printf '| %-44s | %-8s | %6s MB | %6s MB | %-12s |\n' "$n generated articles, sidebar filled" "$renderer" \
    "$r" "$h" "< 150 MB"
done
