#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# a11y.sh APP SAMPLES_DIR [LOCALE]: starts the real app on the demo corpus
# with GTK's AT-SPI backend and an accessibility bus of its own, then reads
# it as a screen reader would (a11y-check.py). With LOCALE (fr_FR.UTF-8),
# the app runs in that language and the check also asks that it be
# translated. Prints TAP. Skips when there is no display, no session bus,
# no AT-SPI bus launcher, no pyatspi, or LOCALE is not installed.
set -u
app=$1
samples=$2
lang=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
launcher=""
for l in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher; do
  [ -x "$l" ] && launcher=$l && break
done
skip () {
  echo "1..4"
  for i in 1 2 3 4; do echo "ok $i # SKIP $1"; done
  exit 0
}
[ -n "${DISPLAY:-}" ] || skip "no display"
[ -n "$launcher" ] || skip "no at-spi-bus-launcher (apt-get install at-spi2-core)"
/usr/bin/python3 -c "import pyatspi" 2>/dev/null || skip "no pyatspi (apt-get install python3-pyatspi)"
command -v dbus-run-session >/dev/null || skip "no dbus-run-session"
if [ -n "$lang" ]; then
  locale -a 2>/dev/null | grep -qix "$(echo "$lang" | sed 's/UTF-8/utf8/')" ||
    skip "the $lang locale is not installed (build-aux/dev generates it)"
  export LANG=$lang LC_ALL=$lang LANGUAGE=${lang%%_*}
  # The build tree's catalogues, where the uninstalled app reads them.
  export PX_LOCALE_DIR="$(cd "$(dirname "$app")/../po" && pwd)"
fi

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home XDG_CONFIG_HOME=$home XDG_RUNTIME_DIR=$home
export NO_AT_BRIDGE=0 GTK_A11Y=atspi

# A session bus of our own, so that the accessibility bus and the app are
# ours alone even when other tests run beside us.
exec dbus-run-session -- bash -c '
  "$1" --launch-immediately >/dev/null 2>&1 &
  bus=$!
  sleep 0.5
  "$2" --demo >"$HOME/app.log" 2>&1 &
  pid=$!
  # G_DEBUG=fatal-warnings is for the app: pyatspi warns when an object
  # goes away while it reads, which is no failure of ours.
  G_DEBUG= /usr/bin/python3 "$3/a11y-check.py" "$4" >"$HOME/check.tap"
  status=$?
  cat "$HOME/check.tap"
  # A checker that died half way must not pass for skipped checks.
  if [ $status -ne 0 ]; then
    echo "not ok 99 the checker itself failed (exit status $status)"
  fi
  kill $pid $bus 2>/dev/null
  wait $pid 2>/dev/null
  if grep -q -e CRITICAL -e WARNING "$HOME/app.log"; then
    sed "s/^/# app: /" "$HOME/app.log" | head -20
  fi
  exit 0
' a11y "$launcher" "$app" "$here" "$samples"
