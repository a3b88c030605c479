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
#   4. press Ctrl+Z: it is gone again;
#   5. tag it again, then Alt+2: no label changed, and the Annotate page no
#      longer hears label keys (2 changes nothing) because Compare is shown
#      (Alt+digit once also tagged exactly);
#   6. on the Compare page, a word tagged in a pane is linked to an entity,
#      and Ctrl+Z takes it back;
#   7. Alt+1, tag "élus" ORG, then the caret into "Les" and 4: "Les" is
#      relabelled, never "élus" (the annotation selected before);
#   8. with the caret still in "Les", Ctrl+Shift+F suggests its other
#      occurrences and Ctrl+Shift+A, the focus in the text, accepts them all.
# (TAP numbers: steps 1–3 are test 1, then the integrity check, 4 is test 3,
# and 5, 6, 7, 8 are tests 4, 5, 6, 7.)
# Prints TAP. Needs a display (build-aux/dev runs it under xvfb-run).
set -u
app=$1
n_tests=7
echo "1..$n_tests"
skip_all () {
  echo "ok 1 # SKIP $1"
  for i in $(seq 2 $n_tests); do echo "ok $i # SKIP"; done
  exit 0
}
if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null || ! command -v sqlite3 >/dev/null; then
  skip_all "no display, xdotool or sqlite3"
fi

home=$(mktemp -d)
pid=""
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home XDG_CONFIG_HOME=$home
db=$home/parallax/demo.db

if ! xdotool getdisplaygeometry >/dev/null 2>&1; then
  skip_all "the display $DISPLAY cannot be opened"
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
  for i in $(seq 2 $n_tests); do echo "not ok $i # no window"; done
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

# The labels at 0 and at 4 of the first article: "LABEL@start LABEL@start".
first_labels () {
  sqlite3 "$db" "SELECT group_concat(l.name || '@' || n.start, ' ') FROM
                   (SELECT * FROM annotation WHERE start IN (0, 4) AND article_id =
                      (SELECT id FROM article ORDER BY published, id LIMIT 1)
                    ORDER BY start, label_id) n
                 JOIN label l ON l.id = n.label_id" 2>&1
}
# ORG annotations at 0 anywhere, as "linked/unlinked" words. (ORG, not
# DATE: a date is a value, never linked to an entity.)
orgs_at_zero () {
  sqlite3 "$db" "SELECT CASE WHEN entity_id IS NULL THEN 'unlinked' ELSE 'linked' END
                 FROM annotation n JOIN label l ON l.id = n.label_id
                 WHERE l.name = 'ORG' AND n.start = 0" 2>&1 | tr '\n' ' '
}

# 4. Tag "Les" again, then Alt+2; then 2, which on the Annotate page would
#    relabel "Les" (the caret is in it).
xdotool key --window "$wid" ctrl+Home ctrl+shift+Right
sleep 0.3
xdotool key --window "$wid" 1
sleep 0.7
tagged=$(first_labels)
xdotool key --window "$wid" alt+2
sleep 1.5
after_switch=$(first_labels)
xdotool key --window "$wid" 2
sleep 0.7
after_key=$(first_labels)
if [ "$tagged" = "PER@0" ] && [ "$after_switch" = "PER@0" ] && [ "$after_key" = "PER@0" ]; then
  echo "ok 4 Alt+2 changes no label and leaves the Annotate page"
else
  echo "not ok 4 Alt+2 changes no label and leaves the Annotate page"
  echo "# tagged: '$tagged' after Alt+2: '$after_switch' after 2: '$after_key'"
fi

# 5. A double click on the first word of the first pane ("Les", at the top
#    left of the panes, right of the sidebar; the panes have no caret to
#    move with keys), and 2 (ORG): linked like a tag on the Annotate page;
#    then Ctrl+Z.
sleep 2
xdotool mousemove --window "$wid" 345 168 click --repeat 2 --delay 80 1
sleep 0.5
xdotool key --window "$wid" 2
sleep 1
pane_tag=$(orgs_at_zero)
xdotool key --window "$wid" ctrl+z
sleep 1
pane_undone=$(orgs_at_zero)
if [ "$pane_tag" = "linked " ] && [ -z "$pane_undone" ]; then
  echo "ok 5 a tag in a Compare pane is linked, and Ctrl+Z takes it back"
else
  echo "not ok 5 a tag in a Compare pane is linked, and Ctrl+Z takes it back"
  echo "# after 5: '$pane_tag' after Ctrl+Z: '$pane_undone'"
fi

# 6. Back to Annotate (once the comparison redone after the undo has
#    rebuilt the panes, the focused one included); "élus" (4–8) as ORG,
#    which leaves it selected; then the caret to 1, inside "Les", and 4.
sleep 2
xdotool key --window "$wid" alt+1
sleep 2
xdotool key --window "$wid" ctrl+Home ctrl+Right ctrl+Right ctrl+shift+Left
sleep 0.5
xdotool key --window "$wid" 2
sleep 1
both=$(first_labels)
xdotool key --window "$wid" ctrl+Home Right
sleep 0.5
xdotool key --window "$wid" 4
sleep 1
pointed=$(first_labels)
if [ "$both" = "PER@0 ORG@4" ] && [ "$pointed" = "LOC@0 ORG@4" ]; then
  echo "ok 6 a label key acts on the annotation at the caret, not the one selected before"
else
  echo "not ok 6 a label key acts on the annotation at the caret, not the one selected before"
  echo "# after tagging élus: '$both' after 4 in Les: '$pointed'"
fi

# 7. Find all, then Accept All with the focus in the text (the text view
#    binds Ctrl+Shift+A itself: the page's key must come first).
count_status () {
  sqlite3 "$db" "SELECT count(*) FROM annotation WHERE status = '$1' AND article_id =
                   (SELECT id FROM article ORDER BY published, id LIMIT 1)" 2>&1
}
accepted_before=$(count_status accepted)
xdotool key --window "$wid" ctrl+shift+f
sleep 1
suggested=$(count_status suggested)
xdotool key --window "$wid" ctrl+shift+a
sleep 1
left=$(count_status suggested)
accepted_after=$(count_status accepted)
if [ "$suggested" -gt 0 ] 2>/dev/null && [ "$left" = 0 ] \
   && [ "$accepted_after" = $((accepted_before + suggested)) ]; then
  echo "ok 7 Ctrl+Shift+F then Ctrl+Shift+A, the focus in the text, accepts every suggestion"
else
  echo "not ok 7 Ctrl+Shift+F then Ctrl+Shift+A, the focus in the text, accepts every suggestion"
  echo "# suggested: '$suggested' left: '$left' accepted: $accepted_before -> $accepted_after"
fi
if grep -q -e CRITICAL "$home/app.log"; then
  sed "s/^/# app: /" "$home/app.log" | head -20
fi
