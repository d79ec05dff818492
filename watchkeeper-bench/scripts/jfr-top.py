#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: by thread, by top frame, and (optionally) how many of
each thread's samples pass through a given method.

    jfr print --json --events jdk.ExecutionSample rec.jfr > rec.json
    python3 watchkeeper-bench/scripts/jfr-top.py rec.json [N] [METHOD-SUBSTRING]

Thread names are folded (wk-mqtt-<run tag>-detect -> wk-mqtt-*-detect, trailing numbers -> N).
"""
import collections
import json
import re
import sys


def fold(name):
    name = re.sub(r'wkb\w+?-', '*-', name)
    return re.sub(r'\d+$', 'N', name)


def main():
    events = json.load(open(sys.argv[1]))['recording']['events']
    k = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    needle = sys.argv[3] if len(sys.argv) > 3 else None
    by_thread, top, hits = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for e in events:
        v = e['values']
        frames = (v.get('stackTrace') or {}).get('frames') or []
        if not frames:
            continue
        t = v.get('sampledThread') or {}
        thread = fold(t.get('javaName') or t.get('osName') or '?')
        total += 1
        by_thread[thread] += 1
        m = frames[0]['method']
        top[m['type']['name'].replace('/', '.') + '.' + m['name']] += 1
        if needle and any(needle in f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name']
                          for f in frames):
            hits[thread] += 1
    print(f'{total} samples')
    print('-- by thread' + (f' (and share passing through {needle})' if needle else ''))
    for name, n in by_thread.most_common(k):
        extra = f'   {100 * hits[name] / n:5.1f}% of them in {needle}' if needle else ''
        print(f'{n:7d} {100 * n / total:5.1f}%  {name}{extra}')
    print('-- top frames (self time)')
    for name, n in top.most_common(k):
        print(f'{n:7d} {100 * n / total:5.1f}%  {name}')


if __name__ == '__main__':
    main()
