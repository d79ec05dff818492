#!/usr/bin/env python3
"""Draws docs/benchmarks.svg, the chart at the top of BENCHMARKS.md.

The figures are the headline burst of BENCHMARKS.md ("After the changes these measurements
suggested"): one run of `bench e2e ... --raw --repeat 3`, where each broker's raw pass-through and
Watchkeeper's end-to-end throughput were measured side by side. Change them here when that section
is measured again, then run: python3 tools/charts/benchmarks_chart.py > docs/benchmarks.svg
"""

BARS = [
    # (group, label, positions per second, colour)
    ("embedded broker", "the broker alone", 82_595, "#9aa5b1"),
    ("embedded broker", "Watchkeeper, end to end", 39_092, "#1f6feb"),
    ("Mosquitto 2.0.11", "the broker alone", 64_628, "#9aa5b1"),
    ("Mosquitto 2.0.11", "Watchkeeper, end to end", 29_657, "#1f6feb"),
]
WIDTH, LEFT, RIGHT, BAR, GAP, TOP = 720, 190, 90, 26, 8, 56
SCALE_MAX = 100_000


def bar_rows():
    rows, y, group = [], TOP, None
    for g, label, value, colour in BARS:
        if g != group:
            rows.append(f'<text x="12" y="{y + 14}" font-weight="bold">{g}</text>')
            group = g
            y += 22
        w = (WIDTH - LEFT - RIGHT) * value / SCALE_MAX
        rows.append(f'<text x="{LEFT - 8}" y="{y + 17}" text-anchor="end">{label}</text>')
        rows.append(f'<rect x="{LEFT}" y="{y}" width="{w:.1f}" height="{BAR}" fill="{colour}"/>')
        rows.append(f'<text x="{LEFT + w + 6:.1f}" y="{y + 17}">{value:,}/s</text>')
        y += BAR + GAP
        if label.startswith("Watchkeeper"):
            y += 14
    return rows, y


def main():
    rows, bottom = bar_rows()
    height = bottom + 30
    axis = []
    for tick in range(0, SCALE_MAX + 1, 25_000):
        x = LEFT + (WIDTH - LEFT - RIGHT) * tick / SCALE_MAX
        axis.append(f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{bottom - 10}" stroke="#e1e4e8"/>')
        axis.append(f'<text x="{x:.1f}" y="{bottom + 6}" text-anchor="middle" fill="#57606a">{tick // 1000}k</text>')
    print(f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
          f'font-family="sans-serif" font-size="13">')
    print(f'<rect width="{WIDTH}" height="{height}" fill="white"/>')
    print('<text x="12" y="24" font-size="15" font-weight="bold">100,000-position burst at QoS 1, '
          'positions per second (2 cores, 2026-11-27)</text>')
    print('<text x="12" y="42" fill="#57606a">grey: the broker passing the messages through; '
          'blue: MQTT in, detection, events out. Same run.</text>')
    print("\n".join(axis + rows))
    print("</svg>")


if __name__ == "__main__":
    main()
