#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# a11y.sh APP SAMPLES_DIR: starts the real app on the demo corpus with GTK's
# AT-SPI backend and an accessibility bus of its own, then reads it as a
# screen reader would (a11y-check.py). Prints TAP. Skips when there is no
# display, no session bus, no AT-SPI bus launcher or no pyatspi.
set -u
app=$1
samples=$2
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
  /usr/bin/python3 "$3/a11y-check.py" "$4"
  kill $pid $bus 2>/dev/null
  wait $pid 2>/dev/null
  if grep -q -e CRITICAL -e WARNING "$HOME/app.log"; then
    sed "s/^/# app: /" "$HOME/app.log" | head -20
  fi
  exit 0
' a11y "$launcher" "$app" "$here" "$samples"
