#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test cases across meson testlog.json files and prints the closing
line 'N passed, N failed[, N skipped]'.

Each TAP 'ok' and 'not ok' line of a test program is one case. A program
that fails without any failing TAP line (a crash, a timeout, a sanitizer
report after the last case) counts as one more failure, so nothing that
went wrong is hidden."""
import json
import re
import sys

passed = failed = skipped = 0
tap_ok = re.compile(r'^(not )?ok\b(.*)$')

for log in sys.argv[1:]:
    if log.endswith('.tap'):
        # Plain TAP lines from a script (the fuzzers): one case per line.
        try:
            for tline in open(log, encoding='utf-8', errors='replace'):
                m = tap_ok.match(tline.strip())
                if m and m.group(1):
                    failed += 1
                    print(f'count-tests: {tline.strip()}', file=sys.stderr)
                elif m:
                    passed += 1
        except OSError:
            failed += 1
        continue
    try:
        lines = open(log, encoding='utf-8', errors='replace').read().splitlines()
    except OSError as e:
        print(f'count-tests: cannot read {log}: {e}', file=sys.stderr)
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        entry = json.loads(line)
        result = entry.get('result', '')
        out = entry.get('stdout', '') or ''
        p = f = s = 0
        for tline in out.splitlines():
            m = tap_ok.match(tline.strip())
            if not m:
                continue
            directive = m.group(2)
            if '# SKIP' in directive.upper():
                s += 1
            elif m.group(1):
                f += 1
            else:
                p += 1
        if p + f + s == 0:
            # Not a TAP program (data checks): the program is one case.
            if result in ('OK', 'EXPECTEDFAIL'):
                p = 1
            elif result == 'SKIP':
                s = 1
            else:
                f = 1
        elif result not in ('OK', 'EXPECTEDFAIL', 'SKIP') and f == 0:
            f = 1
        if f:
            print(f'count-tests: {entry.get("name")}: {result}', file=sys.stderr)
        passed += p
        failed += f
        skipped += s

line = f'{passed} passed, {failed} failed'
if skipped:
    line += f', {skipped} skipped'
print(line)
