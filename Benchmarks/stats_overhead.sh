#!/usr/bin/env bash
# What the overfitting statistics (robustness.json, report.html) add to the
# wall time of the README's example sweep: the sweep is run in release mode
# with the statistics on and with --no-robustness, alternating which goes
# first in each round so both see the same machine load, each from scratch
# (--fresh) into its own temporary folder.
#   bash Benchmarks/stats_overhead.sh [ROUNDS] [CONFIG] [-- EXTRA SWEEP ARGS]
# ROUNDS defaults to 5, CONFIG to sweeps/sma_cross.toml. Prints the median
# wall time and CPU time (user + system) of each side, the overhead of the
# statistics as a share of the wall time without them, and the load average
# before and after.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
config="${2:-sweeps/sma_cross.toml}"
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
cd "$root"
swift build -c release --product pfopt >/dev/null
bin="$(swift build -c release --show-bin-path)/pfopt"
work="$(mktemp -d "${TMPDIR:-/tmp}/pfopt-stats-overhead.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 - "$bin" "$config" "$work" "$rounds" "$@" <<'PY'
import os, statistics, subprocess, sys, time

binary, config, work, rounds, extra = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]

def sweep(side):
    args = [binary, "sweep", config, "--quiet", "--fresh", "--set", f"output.dir={work}/{side}"] + extra
    if side == "off":
        args.append("--no-robustness")
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if status != 0:
        sys.exit(f"pfopt sweep ({side}) failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime

def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])

print(f"load average before: {load()} ({os.cpu_count()} cores)")
sweep("on")  # warm-up: converts the data file once, fills the page cache
times = {"on": [], "off": []}
for r in range(rounds):
    order = ("on", "off") if r % 2 == 0 else ("off", "on")
    for side in order:
        wall, cpu = sweep(side)
        times[side].append((wall, cpu))
        print(f"round {r + 1} {side:3}: wall {wall:6.2f} s  cpu {cpu:6.2f} s", flush=True)
print(f"load average after:  {load()}")
med = {s: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for s, v in times.items()}
ratios = [on[0] / off[0] for on, off in zip(times["on"], times["off"])]
print(f"median wall: on {med['on'][0]:.2f} s, off {med['off'][0]:.2f} s -> statistics add "
      f"{(med['on'][0] / med['off'][0] - 1) * 100:+.1f}% (median of per-round ratios {(statistics.median(ratios) - 1) * 100:+.1f}%)")
print(f"median cpu:  on {med['on'][1]:.2f} s, off {med['off'][1]:.2f} s -> statistics add "
      f"{(med['on'][1] / med['off'][1] - 1) * 100:+.1f}%")
PY
