#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ui-real-keys.sh APP: drives the real Parallax window with real mouse clicks
# and key presses sent through the X server (xdotool), then reads the corpus
# with the sqlite3 CLI. The other UI tests call the workspace's actions and
# shortcuts directly; this one goes through GTK's own event handling, as a
# person at the keyboard does:
#   1. click the demo's first article in the sidebar;
#   2. click into its text, Ctrl+Home, Ctrl+Shift+Right selects "Les";
#   3. press 1: a PER annotation over 0–3 is in the file;
#   4. press Ctrl+Z: it is gone again.
# Prints TAP. Needs a display (build-aux/dev runs it under xvfb-run).
set -u
app=$1
echo "1..3"
if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null || ! command -v sqlite3 >/dev/null; then
  echo "ok 1 # SKIP no display, xdotool or sqlite3"
  echo "ok 2 # SKIP"
  echo "ok 3 # SKIP"
  exit 0
fi

home=$(mktemp -d)
pid=""
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home XDG_CONFIG_HOME=$home
db=$home/parallax/demo.db

if ! xdotool getdisplaygeometry >/dev/null 2>&1; then
  echo "ok 1 # SKIP the display $DISPLAY cannot be opened"
  echo "ok 2 # SKIP"
  echo "ok 3 # SKIP"
  exit 0
fi

wid=""
# The X server can refuse a connection for a moment (an Xvfb without
# -noreset resets when its last client leaves): the app is started again if
# its log says so, at most three times.
for attempt in 1 2 3; do
  "$app" --demo >"$home/app.log" 2>&1 &
  pid=$!
  # The window, once it is mapped (no window manager: it sits at 0,0).
  for _ in $(seq 1 150); do
    wid=$(xdotool search --onlyvisible --name 'Parallax' 2>/dev/null | head -1)
    [ -n "$wid" ] && [ -f "$db" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$wid" ] && break
  grep -q "cannot open display" "$home/app.log" || break
  echo "# attempt $attempt: the display refused the app; trying again"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  sleep 1
done
if [ -z "$wid" ]; then
  echo "not ok 1 the window did not appear"; sed "s/^/# /" "$home/app.log"; ls -R "$home" | sed "s/^/# /"
  echo "not ok 2 # no window"; echo "not ok 3 # no window"
  exit 0
fi
sleep 1

# First annotation starting at 0 in the first article, as "LABEL|start|end|text".
first_at_zero () {
  sqlite3 "$db" "SELECT l.name, n.start, n.\"end\", n.text FROM annotation n
                 JOIN label l ON l.id = n.label_id
                 WHERE n.start = 0 AND n.article_id =
                   (SELECT id FROM article ORDER BY published, id LIMIT 1)" 2>&1
}

before=$(first_at_zero)
# 1. The first article row of the sidebar (under the story's header).
xdotool mousemove --window "$wid" 150 172 click 1
sleep 0.7
# 2. Into the text (an empty stretch low in the article view), then select
#    the first word with the keyboard.
xdotool mousemove --window "$wid" 720 720 click 1
sleep 0.3
xdotool key --window "$wid" ctrl+Home ctrl+shift+Right
sleep 0.3
# 3. The label key.
xdotool key --window "$wid" 1
sleep 0.7
after=$(first_at_zero)
if [ -z "$before" ] && [ "$after" = "PER|0|3|Les" ]; then
  echo "ok 1 click, select and press 1 tags the first word as PER"
else
  echo "not ok 1 click, select and press 1 tags the first word as PER"
  echo "# before: '$before' after: '$after'"
fi
if [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]; then
  echo "ok 2 the corpus is intact"
else
  echo "not ok 2 the corpus is intact"
fi
# 4. Ctrl+Z takes it back.
xdotool key --window "$wid" ctrl+z
sleep 0.7
undone=$(first_at_zero)
if [ -n "$after" ] && [ -z "$undone" ]; then
  echo "ok 3 Ctrl+Z removes it"
else
  echo "not ok 3 Ctrl+Z removes it"
  echo "# after undo: '$undone'"
fi
