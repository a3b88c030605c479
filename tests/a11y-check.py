#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""a11y-check.py SAMPLES_DIR: reads the running Parallax window through
AT-SPI, as a screen reader does, and prints TAP:

  1. every control (button, drop-down, entry, list, tab...) has a name of
     its own, not an empty one and not the GTK type name GTK falls back to;
  2. the article on screen can be read: some text widget holds the start of
     one of the demo articles in SAMPLES_DIR;
  3. the annotation list can be read: its rows hold cells with text;
  4. the windows the keyboard opens have titles a screen reader can
     announce: Preferences (Ctrl+,), Export (Ctrl+E) and Keyboard Shortcuts
     (Ctrl+?), each opened with xdotool and closed with Escape. Their
     controls are not checked: the file chooser, the shortcuts window and
     libadwaita's (disabled) preferences search are GTK's own widgets, and
     leave some of their inner parts unnamed.

  5. (when PX_LOCALE_DIR is set, for a run in another language) the
     interface speaks the session's language: the annotation list is found
     under its translated name, which differs from the English one.

Waits up to 30 s for the application to show up on the bus."""
import gettext
import os
import re
import shutil
import subprocess
import sys
import time

import pyatspi

CONTROLS = {
    "push button", "toggle button", "check box", "radio button", "combo box",
    "entry", "password text", "spin button", "slider", "page tab", "menu item",
    "check menu item", "radio menu item", "link", "list", "table", "tree",
    "tree table", "text", "switch",
}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Px)[A-Z]\w*$")
MAX_DEPTH = 60


def find_app():
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.name == "parallax" and app.childCount > 0:
                    return app
            except Exception:
                pass
        time.sleep(0.5)
    return None


def unnamed_controls(nodes):
    out = []
    for node, role, name, path in nodes:
        if role in CONTROLS and (not name.strip() or TYPE_NAME.match(name)):
            where = " > ".join(f"{r} '{n}'" for r, n in path[-3:])
            out.append(f"{role} '{name}' under {where}")
    return out


def windows(app):
    """The app's top-level windows, by name."""
    out = {}
    for i in range(app.childCount):
        try:
            w = app.getChildAtIndex(i)
            out[w.name] = w
        except Exception:
            pass
    return out


def check_dialogs(app):
    """Opens each dialog with its key, reads its name, closes it. Returns
    (names of the windows, problems) or None without xdotool."""
    if shutil.which("xdotool") is None:
        return None
    main_names = set(windows(app))
    wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Parallax"],
                         capture_output=True, text=True).stdout.split()
    if not wid:
        return [], ["the main window was not found with xdotool"]
    seen, unnamed = [], []
    for keys in ("ctrl+comma", "ctrl+e", "ctrl+question"):
        subprocess.run(["xdotool", "windowfocus", "--sync", wid[0]], capture_output=True)
        subprocess.run(["xdotool", "key", "--window", wid[0], keys], capture_output=True)
        new = None
        deadline = time.monotonic() + 10
        while new is None and time.monotonic() < deadline:
            time.sleep(0.5)
            extra = {n: w for n, w in windows(app).items() if n not in main_names and n not in seen}
            if extra:
                new = next(iter(extra.items()))
        if new is None:
            unnamed.append(f"{keys} opened no window")
            continue
        seen.append(new[0])
        if not new[0].strip() or TYPE_NAME.match(new[0]):
            unnamed.append(f"{keys} opened a window without a title: '{new[0]}'")
        subprocess.run(["xdotool", "key", "Escape"], capture_output=True)
        deadline = time.monotonic() + 10
        while new[0] in windows(app) and time.monotonic() < deadline:
            time.sleep(0.5)
        if new[0] in windows(app):
            unnamed.append(f"Escape did not close '{new[0]}'")
    return seen, unnamed


def walk(node, path=(), depth=0):
    """Yields (node, role, name, path) depth first."""
    if node is None or depth > MAX_DEPTH:
        return
    try:
        role, name = node.getRoleName(), node.name or ""
        n = node.childCount
    except Exception:
        return  # a widget may go away while we read
    yield node, role, name, path
    for i in range(n):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, path + ((role, name),), depth + 1)


def text_of(node):
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return ""


def sample_openings(samples):
    """The first 80 characters of each sample's body (after its header)."""
    out = []
    for f in sorted(os.listdir(samples)):
        if not f.endswith(".txt"):
            continue
        with open(os.path.join(samples, f), encoding="utf-8") as fh:
            body = fh.read()
        if body.startswith("---\n"):
            body = body.split("\n---\n", 1)[1]
        out.append(body.strip()[:80])
    return out


def translator():
    """The app's catalogue for the session's language, when asked for."""
    localedir = os.environ.get("PX_LOCALE_DIR")
    if not localedir:
        return None
    return gettext.translation("parallax", localedir=localedir, fallback=True).gettext


def main():
    tr = translator()
    tx = tr or (lambda s: s)
    total = 5 if tr else 4
    print(f"1..{total}")
    app = find_app()
    if app is None:
        for i in range(1, total + 1):
            print(f"not ok {i} # Parallax never showed up on the accessibility bus")
        return
    # The window builds its pages while it settles.
    time.sleep(2)
    nodes = list(walk(app))

    unnamed = unnamed_controls(nodes)
    if unnamed:
        print(f"not ok 1 every control has an accessible name ({len(unnamed)} without)")
        for u in unnamed[:40]:
            print(f"# {u}")
    else:
        controls = sum(1 for _, role, _, _ in nodes if role in CONTROLS)
        print(f"ok 1 every control has an accessible name ({controls} controls)")

    openings = sample_openings(sys.argv[1])
    texts = [text_of(n) for n, role, _, _ in nodes if role == "text"]
    if any(t.startswith(o) for t in texts for o in openings if o):
        print("ok 2 the article text can be read")
    else:
        print("not ok 2 the article text can be read")
        for t in texts:
            print(f"# text: {t[:60]!r}")

    rows = []
    for node, role, name, path in nodes:
        if role == "table row" and any(n == tx("Annotations of this article") for _, n in path):
            cells = [text_of(c) for c, r, _, _ in walk(node) if r == "label"]
            rows.append([c for c in cells if c])
    if rows and all(len(r) >= 2 for r in rows):
        print(f"ok 3 the annotation list can be read ({len(rows)} rows, last: {' | '.join(rows[-1])})")
    else:
        print(f"not ok 3 the annotation list can be read ({len(rows)} rows)")
        for r in rows[:5]:
            print(f"# row: {r}")

    dialogs = check_dialogs(app)
    if dialogs is None:
        print("ok 4 # SKIP no xdotool to open the dialogs")
    elif dialogs[1]:
        print(f"not ok 4 the dialogs have titles (read: {', '.join(dialogs[0])})")
        for u in dialogs[1]:
            print(f"# {u}")
    else:
        print(f"ok 4 the dialogs have titles ({', '.join(dialogs[0])})")

    if tr:
        name = tx("Annotations of this article")
        if name != "Annotations of this article" and rows:
            print(f"ok 5 the interface is translated (the annotation list is '{name}')")
        else:
            print(f"not ok 5 the interface is translated (looked for '{name}', {len(rows)} rows)")


if __name__ == "__main__":
    main()
