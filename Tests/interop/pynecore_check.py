"""Checks that pfopt and the real PyneCore read each other's files identically.

Usage: python pynecore_check.py PFOPT_BINARY FEED_CSV WORK_DIR
Exits non-zero on the first mismatch, printing what differs.
"""
import csv
import math
import subprocess
import sys
from pathlib import Path

from pynecore.core.ohlcv import OHLCVReader, OHLCVWriter
from pynecore.core.syminfo import SymInfo
from pynecore.types.ohlcv import OHLCV

PFOPT, FEED, WORK = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
failures = []


def fail(message):
    failures.append(message)
    print("MISMATCH:", message)


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


def pfopt(*args):
    result = subprocess.run([PFOPT, *args], capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout, result.stderr)
        raise SystemExit(f"pfopt {' '.join(args)} failed with exit code {result.returncode}")
    return result.stdout


def read_csv(path):
    rows = []
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            rows.append((int(row[0]), *[float(x) for x in row[1:6]]))
    return rows


def compare(label, expected, actual):
    if len(expected) != len(actual):
        fail(f"{label}: {len(expected)} bars expected, {len(actual)} read")
        return
    bad = 0
    for i, (e, a) in enumerate(zip(expected, actual)):
        if e[0] != a[0] or not all(same(x, y) for x, y in zip(e[1:], a[1:])):
            bad += 1
            if bad <= 3:
                fail(f"{label}: bar {i}: expected {e}, read {a}")
    if bad:
        fail(f"{label}: {bad} of {len(expected)} bars differ")
    else:
        print(f"ok  {label}: {len(expected)} bars identical")


def synthetic(path):
    """Prices that exercise every encoding path: off-grid, huge deltas, tiny ticks, gaps."""
    rows = []
    t = 1_700_000_000_000
    price = 1234.56
    for i in range(3000):
        step = 60_000 if i % 97 else 60_000 * 5  # gaps
        t += step
        o = round(price, 2)
        c = round(o + ((i * 7919) % 200 - 100) / 100, 2)
        h = round(max(o, c) + (i % 13) / 100, 2)
        lo = round(min(o, c) - (i % 11) / 100, 2)
        if i % 211 == 5:
            h = h + 0.00123  # off the 0.01 grid
        if i % 307 == 9:
            c = round(o + 250000.37, 2)  # too far for an f32 delta
            h = max(h, c)
        v = (i * 104729) % 100000 / 1000
        rows.append((t, o, h, lo, c, v))
        price = c if c < 100000 else o
    with open(path, "w") as f:
        f.write("timestamp,open,high,low,close,volume\n")
        for r in rows:
            f.write(f"{r[0]},{r[1]!r},{r[2]!r},{r[3]!r},{r[4]!r},{r[5]!r}\n")
    return path


def pfopt_writes(source):
    """pfopt converts the CSV; PyneCore reads the .ohlcv; values must equal the CSV's."""
    target = WORK / (source.stem + ".pfopt.ohlcv")
    pfopt("data", "convert", str(source), "--output", str(target))
    expected = read_csv(source)
    with OHLCVReader(target) as reader:
        actual = [(c.timestamp, c.open, c.high, c.low, c.close, c.volume) for c in reader]
    compare(f"pfopt wrote {source.name}, PyneCore read", expected, actual)
    toml = target.with_suffix(".toml")
    info = SymInfo.load_toml(toml)
    print(f"ok  PyneCore loaded pfopt's symbol file {toml.name}: {info.ticker} mintick {info.mintick}")
    return target


def pynecore_writes(source, period, minmove, pricescale):
    """PyneCore writes the .ohlcv; pfopt exports it; values must equal PyneCore's own reading."""
    target = WORK / (source.stem + ".pyne.ohlcv")
    rows = read_csv(source)
    with OHLCVWriter(target, period, minmove=minmove, pricescale=pricescale, truncate=True) as writer:
        with writer.batched():
            for r in rows:
                writer.write(OHLCV(*r))
    with OHLCVReader(target) as reader:
        python_view = [(c.timestamp, c.open, c.high, c.low, c.close, c.volume) for c in reader]
    compare(f"PyneCore wrote {source.name}, PyneCore read back vs CSV", rows, python_view)
    exported = WORK / (source.stem + ".pyne.csv")
    pfopt("data", "export", str(target), str(exported))
    compare(f"PyneCore wrote {source.name}, pfopt read", python_view, read_csv(exported))
    return target


def symbol_files():
    """PyneCore saves a symbol TOML; pfopt uses it for a data file of the same stem."""
    info = SymInfo.load_toml(WORK / "ETHUSDT-PERP_15m.pfopt.toml")
    info.prefix = "BYBIT"
    info.ticker = "ETHUSDT.P"
    info.mintick = 0.05
    info.pricescale = 20
    info.minmove = 1
    info.timezone = "Europe/London"
    target = WORK / "ETHUSDT-PERP_15m.pyne.toml"
    info.save_toml(target)
    out = pfopt("data", "info", str(WORK / "ETHUSDT-PERP_15m.pyne.ohlcv"), "--json")
    import json
    summary = json.loads(out)
    if summary["ticker"] != "ETHUSDT.P" or summary["tick"] != 0.05:
        fail(f"pfopt did not use PyneCore's symbol file: {summary}")
    else:
        print(f"ok  pfopt read PyneCore's symbol file: ticker {summary['ticker']}, tick {summary['tick']}")


WORK.mkdir(parents=True, exist_ok=True)
feed = WORK / FEED.name
feed.write_bytes(FEED.read_bytes())
synth = synthetic(WORK / "SYNTH_TESTUSDT_1m.csv")

pfopt_writes(feed)
pfopt_writes(synth)
pynecore_writes(feed, "15", 1, 100)
pynecore_writes(synth, "1", 1, 100)
symbol_files()

if failures:
    print(f"FAILED: {len(failures)} mismatches")
    sys.exit(1)
print("all interop checks passed")
