#!/usr/bin/env bash
# A/B speed check: the engine and sweep benchmarks of another revision and of
# this checkout, run alternately so both see the same machine load.
#   bash Benchmarks/ab.sh BASE_REV [ROUNDS]
# Prints the median of each figure for both and their ratio (this / base).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base_rev="${1:?usage: Benchmarks/ab.sh BASE_REV [ROUNDS]}"
rounds="${2:-5}"
base="${TMPDIR:-/tmp}/pfopt-ab-$(git -C "$root" rev-parse --short "$base_rev")"
if [ ! -d "$base" ]; then git -C "$root" worktree add -q --detach "$base" "$base_rev"; fi
for dir in "$base" "$root"; do
    (cd "$dir" && swift build -c release --package-path Benchmarks >/dev/null)
done
log="$(mktemp)"
for i in $(seq "$rounds"); do
    for side in base head; do
        dir="$base"; [ "$side" = head ] && dir="$root"
        (cd "$dir" && swift run -c release --skip-build --package-path Benchmarks EngineBench 2>/dev/null \
            | sed "s/^/$side engine: /") >>"$log"
        (cd "$dir" && swift run -c release --skip-build --package-path Benchmarks SweepBench engine 2>/dev/null \
            | sed "s/^/$side sweep: /") >>"$log"
    done
done
python3 - "$log" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"(base|head) (engine|sweep): (.*)", line.rstrip())
    if not m: continue
    side, kind, text = m.groups()
    for label, pattern in [
        ("dual SMA backtest (ms)", r"dual SMA crossover.*median ([\d.]+) ms"),
        ("indicator script (M bars/s)", r"indicator script.*= ([\d.]+) million bars/s"),
        ("pivot tracker (M bars/s)", r"pivot tracker script.*= ([\d.]+) million bars/s"),
        ("sweep, 1 worker (runs/s)", r"1 worker :.*= +([\d.]+) runs/s"),
        ("sweep, 2 workers (runs/s)", r"2 workers:.*= +([\d.]+) runs/s"),
    ]:
        x = re.search(pattern, text)
        if x: rows.setdefault(label, {}).setdefault(side, []).append(float(x.group(1)))
print(f"{'figure':32} {'base':>10} {'head':>10} {'head/base':>10}")
for label, sides in rows.items():
    b = statistics.median(sides.get("base", [float("nan")]))
    h = statistics.median(sides.get("head", [float("nan")]))
    print(f"{label:32} {b:10.2f} {h:10.2f} {h / b:10.3f}")
PY
rm -f "$log"
