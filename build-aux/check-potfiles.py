#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file with translatable strings is missing from
po/POTFILES.in, or when POTFILES.in names a file that does not exist."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
listed = set()
for line in (root / 'po' / 'POTFILES.in').read_text().splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

marker = re.compile(r'(\b_\(|\bN_\(|\bC_\(|\bngettext\(|translatable="yes")')
wanted = set()
for pattern in ('src/**/*.c', 'src/**/*.ui', 'data/*.in', 'data/*.xml'):
    for path in root.glob(pattern):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(errors='replace')
        if path.suffix in ('.in',) or marker.search(text):
            if path.name.endswith('.gschema.xml') and '<summary' not in text:
                continue
            wanted.add(rel)

missing = sorted(wanted - listed)
stale = sorted(p for p in listed if not (root / p).exists())
for p in missing:
    print(f'po/POTFILES.in misses {p}, which has translatable strings')
for p in stale:
    print(f'po/POTFILES.in names {p}, which does not exist')
sys.exit(1 if missing or stale else 0)
