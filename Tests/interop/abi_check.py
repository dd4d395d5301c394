"""Checks of pfopt's strategy libraries through Python's ctypes (standard library only).

Usage: abi_check.py PFOPT WORKDIR ROOT
WORKDIR holds feed.ohlcv (+ feed.toml) and bars.csv (the same bars as text) made by abi.sh.
Every check prints PASS or FAIL; the last line is "N passed, N failed".
"""
import ctypes
import csv
import json
import math
import os
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from abi_mirror import *  # noqa: E402,F401,F403
import abi_mirror  # noqa: E402

PFOPT, WORK, ROOT = sys.argv[1], sys.argv[2], sys.argv[3]
CASES = os.path.join(ROOT, "Tests/Fixtures/parity/cases")
passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def same_price(a, b):
    """A trade price against trades.csv, which writes prices on the tick grid: the
    library's exact fill (snapped to the grid in floating point) within 1e-9."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def same(a, b):
    """Exact equality of doubles, NaN equal to NaN (an undefined metric)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def load_bars(path):
    rows = list(csv.DictReader(open(path)))
    bars = (pf_bar_t * len(rows))()
    for i, r in enumerate(rows):
        bars[i] = pf_bar_t(float(r["open"]), float(r["high"]), float(r["low"]), float(r["close"]),
                           float(r["volume"]), int(r["timestamp"]))
    return bars, len(rows)


def pfopt(*args):
    return subprocess.run([PFOPT, *args], capture_output=True, text=True)


def export(script, name, *sets):
    out = os.path.join(WORK, name)
    extra = []
    for s in sets:
        extra += ["--set", s]
    r = pfopt("export", script, "-o", out, *extra)
    if r.returncode != 0:
        raise RuntimeError(f"pfopt export {script} failed: {r.stderr.strip()}")
    return out


def reference(script, tag, *args):
    """pfopt run of the script: (trades rows, metrics dict, equity rows)."""
    out = os.path.join(WORK, "ref-" + tag)
    r = pfopt("run", script, "--data", os.path.join(WORK, "feed.ohlcv"), "--out", out, *args)
    if r.returncode != 0:
        raise RuntimeError(f"pfopt run {script} failed: {r.stderr.strip()}")
    trades = list(csv.DictReader(open(os.path.join(out, "trades.csv"))))
    metrics = json.load(open(os.path.join(out, "metrics.json")))
    equity = list(csv.DictReader(open(os.path.join(out, "equity.csv"))))
    return trades, metrics, equity


def num(v):
    return float("nan") if v is None else float(v)


METRIC_NAMES = {"sharpe_tv": "sharpe_monthly", "sortino_tv": "sortino_monthly"}


def compare_report(name, rep, ref):
    trades, metrics, equity = ref
    problems = []
    if rep.trades_len != len(trades) or rep.total_trades != metrics["total_trades"]:
        problems.append(f"trades {rep.trades_len}/{rep.total_trades} vs {len(trades)}/{metrics['total_trades']}")
    else:
        for i, t in enumerate(trades):
            c = rep.trades[i]
            pairs = [
                ("entry_time", c.entry_time, int(t.get("entry_time_ms") or t["entry_time"])),
                ("exit_time", c.exit_time, int(t.get("exit_time_ms") or t["exit_time"])),
                ("entry_price", c.entry_price, float(t["entry_price"])),
                ("exit_price", c.exit_price, float(t["exit_price"])), ("pnl", c.pnl, float(t["pnl"])),
                ("pnl_pct", c.pnl_pct, float(t["pnl_pct"])), ("qty", c.qty, float(t["qty"])),
                ("is_long", c.is_long, 1 if t["direction"] == "long" else 0),
                ("commission", c.commission, float(t["commission"])),
                ("max_runup", c.max_runup, float(t["max_runup"])),
                ("max_drawdown", c.max_drawdown, float(t["max_drawdown"])),
                ("entry_bar_index", c.entry_bar_index, int(t["entry_bar"])),
                ("exit_bar_index", c.exit_bar_index, int(t["exit_bar"])),
            ]
            bad = [f"{k} {a!r} vs {b!r}" for k, a, b in pairs
                   if not (same_price(a, b) if k.endswith("_price") else same(a, b))]
            if bad:
                problems.append(f"trade {i + 1}: " + ", ".join(bad[:3]))
                break
    for block, fields in [("all", TRADE_STAT_FIELDS), ("longs", TRADE_STAT_FIELDS),
                          ("shorts", TRADE_STAT_FIELDS), ("equity", EQUITY_STAT_FIELDS)]:
        got = getattr(rep.metrics, block)
        for field, ctype in fields:
            a = getattr(got, field)
            # The interface keeps its field names; pfopt's metrics call the
            # annualised monthly ratios sharpe_monthly / sortino_monthly.
            b = metrics[block][METRIC_NAMES.get(field, field)]
            b = int(b) if ctype is ctypes.c_int32 else num(b)
            if not same(a, b):
                problems.append(f"metrics.{block}.{field} {a!r} vs {b!r}")
    if not same(rep.net_profit, num(metrics["net_profit"])):
        problems.append(f"net_profit {rep.net_profit!r} vs {metrics['net_profit']!r}")
    for key in ["script_bars_processed", "magnifier_sample_ticks_total", "magnifier_sub_bars_total"]:
        if getattr(rep, key) != metrics[key]:
            problems.append(f"{key} {getattr(rep, key)} vs {metrics[key]}")
    if rep.equity_curve_len != len(equity):
        problems.append(f"equity_curve_len {rep.equity_curve_len} vs {len(equity)}")
    else:
        for i, e in enumerate(equity):
            p = rep.equity_curve[i]
            if p.time_ms != int(e["time_ms"]) or not same(p.equity, float(e["equity"])) \
                    or not same(p.open_profit, float(e["open_profit"])):
                problems.append(f"equity point {i}: {p.time_ms},{p.equity!r},{p.open_profit!r} vs {e}")
                break
    check(name, not problems, "; ".join(problems[:4]))


def run(lib, handle, bars, n, input_tf=b"15", script_tf=b"15", magnifier=0, samples=4,
        dist=PF_MAGNIFIER_ENDPOINTS):
    rep = pf_report_t()
    lib.run_backtest_full(handle, bars, n, input_tf, script_tf, magnifier, samples, dist, ctypes.byref(rep))
    return rep


def error_of(lib, handle):
    return (lib.pf_last_error(handle) or b"").decode()


def layout_check(header_dir):
    """The mirror's sizes and offsets against a C compiler's view of the installed header."""
    lines = ['#include <stdio.h>', '#include <stddef.h>', '#include "pfopt_abi.h"', "int main(void) {"]
    expected = []
    for struct in abi_mirror.STRUCTS:
        name = struct.__name__
        lines.append(f'  printf("%zu\\n", sizeof({name}));')
        expected.append((f"sizeof({name})", ctypes.sizeof(struct)))
        for field, _ in struct._fields_:
            lines.append(f'  printf("%zu\\n", offsetof({name}, {field}));')
            expected.append((f"offsetof({name}, {field})", getattr(struct, field).offset))
    lines.append('  printf("%d\\n", PF_ABI_VERSION); return 0; }')
    expected.append(("PF_ABI_VERSION", PF_ABI_VERSION))
    src = os.path.join(WORK, "layout.c")
    exe = os.path.join(WORK, "layout")
    open(src, "w").write("\n".join(lines) + "\n")
    cc = subprocess.run(["cc", "-std=c99", "-Wall", "-Werror", "-I", header_dir, src, "-o", exe],
                        capture_output=True, text=True)
    if cc.returncode != 0:
        check("layout: the header compiles", False, cc.stderr.strip()[:300])
        return
    got = [int(x) for x in subprocess.run([exe], capture_output=True, text=True).stdout.split()]
    bad = [f"{k}: C {g} vs ctypes {e}" for (k, e), g in zip(expected, got) if e != g]
    check("layout: every struct size and field offset of the mirror matches pfopt_abi.h",
          len(got) == len(expected) and not bad, "; ".join(bad[:5]))


def main():
    bars, n = load_bars(os.path.join(WORK, "bars.csv"))
    sma = os.path.join(CASES, "01-sma-flip/strategy.pine")
    atr = os.path.join(CASES, "06-atr-trail/strategy.pine")
    pull = os.path.join(CASES, "08-limit-pullback/strategy.pine")

    lib_path = export(sma, "sma_flip.so")
    layout_check(WORK)
    lib = abi_mirror.load(lib_path)
    check("pf_abi_version returns 2", lib.pf_abi_version() == 2)
    v = lib.pf_version_get()
    check("pf_version_get names a pfopt library", (v.commit_sha or b"").startswith(b"pfopt"), repr(v.commit_sha))

    # The exported script with "{}", inputs by title, against pfopt run of the same script.
    h = lib.strategy_create(b"{}")
    lib.strategy_set_input(h, b"Fast SMA", b"12")
    lib.strategy_set_input(h, b"Slow SMA", b"40")
    rep = run(lib, h, bars, n)
    check("inputs by title are accepted", error_of(lib, h) == "", error_of(lib, h))
    compare_report("parity 01-sma-flip, inputs by title, 15m", rep,
                   reference(sma, "sma", "--set", "Fast SMA=12", "--set", "Slow SMA=40"))
    check("input_bars_processed, timeframes", rep.input_bars_processed == n and rep.input_tf_seconds == 900
          and rep.script_tf_seconds == 900 and rep.script_tf_ratio == 1 and rep.needs_aggregation == 0,
          f"{rep.input_bars_processed} {rep.input_tf_seconds} {rep.script_tf_seconds}")
    lib.report_free(ctypes.byref(rep))
    lib.report_free(ctypes.byref(rep))
    check("report_free twice is harmless and zeroes the report",
          not rep.trades and rep.trades_len == 0 and not rep.equity_curve and rep.equity_curve_len == 0)

    # An override, the same handle reused.
    lib.strategy_set_override(h, b"initial_capital", b"25000")
    lib.strategy_set_override(h, b"commission_value", b"0.1")
    rep = run(lib, h, bars, n)
    compare_report("parity with overrides on a reused handle", rep,
                   reference(sma, "sma-ovr", "--set", "Fast SMA=12", "--set", "Slow SMA=40",
                             "--override", "initial_capital=25000", "--override", "commission_value=0.1"))
    lib.report_free(ctypes.byref(rep))
    lib.strategy_free(h)

    # Fixed inputs at export, aggregation with the magnifier, a synthetic magnifier.
    lib_atr = abi_mirror.load(export(atr, "atr.so", "Trend EMA=80"))
    h = lib_atr.strategy_create(b"{}")
    rep = run(lib_atr, h, bars, n)
    compare_report("parity 06-atr-trail, input fixed at export", rep, reference(atr, "atr", "--set", "trendLen=80"))
    lib_atr.report_free(ctypes.byref(rep))
    rep = run(lib_atr, h, bars, n, b"15", b"60", 1)
    compare_report("parity 06-atr-trail, 15m bars on 60, magnifier on (real bars)", rep,
                   reference(atr, "atr-60", "--set", "trendLen=80", "--timeframe", "60", "--magnifier", "real"))
    check("aggregation is reported", rep.needs_aggregation == 1 and rep.script_tf_ratio == 4
          and rep.bar_magnifier_enabled == 1, f"{rep.needs_aggregation} {rep.script_tf_ratio}")
    lib_atr.report_free(ctypes.byref(rep))
    rep = run(lib_atr, h, bars, n, b"15", b"15", 1, 6, PF_MAGNIFIER_COSINE)
    compare_report("parity 06-atr-trail, synthetic magnifier (cosine, 6 samples)", rep,
                   reference(atr, "atr-cos", "--set", "trendLen=80", "--magnifier", "cosine", "--samples", "6"))
    lib_atr.report_free(ctypes.byref(rep))
    lib_atr.strategy_free(h)

    # A generic library: another script named in the config.
    h = lib.strategy_create(json.dumps({"script": pull, "symbol": os.path.join(WORK, "feed.toml")}).encode())
    lib.strategy_set_input(h, b"Pullback %", b"0.7")
    rep = run(lib, h, bars, n)
    compare_report("parity 08-limit-pullback via {\"script\": ...}", rep, reference(pull, "pull", "--set", "pullPct=0.7"))
    lib.report_free(ctypes.byref(rep))
    lib.strategy_free(h)

    # Two handles on two threads at once give identical reports.
    results = [None, None]

    def worker(k):
        hh = lib.strategy_create(b"{}")
        lib.strategy_set_input(hh, b"Fast SMA", b"7")
        r = run(lib, hh, bars, n)
        results[k] = ([(r.trades[i].entry_time, r.trades[i].pnl) for i in range(r.trades_len)],
                      bytes(r.metrics), [r.equity_curve[i].equity for i in range(r.equity_curve_len)])
        lib.report_free(ctypes.byref(r))
        lib.strategy_free(hh)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check("two handles on two threads give identical reports",
          results[0] is not None and results[0] == results[1] and len(results[0][0]) > 0)

    # Errors: a report with zero trades and a one-line message, never a crash.
    def failing(name, setup, expect):
        hh = lib.strategy_create(setup.get("config", b"{}"))
        for k, v in setup.get("inputs", []):
            lib.strategy_set_input(hh, k, v)
        for k, v in setup.get("overrides", []):
            lib.strategy_set_override(hh, k, v)
        r = run(lib, hh, bars, n)
        msg = error_of(lib, hh)
        check(name, r.trades_len == 0 and not r.trades and r.equity_curve_len == 0 and msg != ""
              and expect in msg and "\n" not in msg, f"trades {r.trades_len}, error {msg!r}")
        lib.report_free(ctypes.byref(r))
        lib.strategy_free(hh)

    failing("unknown input title", {"inputs": [(b"No Such Input", b"3")]}, "No Such Input")
    failing("input value of the wrong type", {"inputs": [(b"Fast SMA", b"fast")]}, "")
    failing("input below its minval", {"inputs": [(b"Fast SMA", b"0")]}, "")
    failing("unknown override", {"overrides": [(b"no_such_property", b"1")]}, "no_such_property")
    failing("bad override value", {"overrides": [(b"initial_capital", b"-5")]}, "")
    failing("config JSON that is not JSON", {"config": b"{nope"}, "JSON")
    broken = os.path.join(ROOT, "Tests/Fixtures/pine/broken/01-missing-paren.pine")
    failing("a script that does not compile names its file", {"config": json.dumps({"script": broken}).encode()},
            "01-missing-paren.pine:")
    runtime = os.path.join(WORK, "runtime_error.pine")
    open(runtime, "w").write('//@version=6\nstrategy("boom")\na = array.new_float(0)\n'
                             'if bar_index == 50\n    x = array.get(a, 3)\n    strategy.entry("L", strategy.long)\n')
    failing("a run-time script error", {"config": json.dumps({"script": runtime}).encode()}, "")
    hh = lib.strategy_create(b"{}")
    lib.strategy_set_input(hh, b"Fast SMA", b"oops")
    lib.strategy_set_input(hh, b"Fast SMA", b"9")
    r = run(lib, hh, bars, n)
    check("a refused input is cleared by setting it again", r.trades_len > 0 and error_of(lib, hh) == "",
          error_of(lib, hh))
    lib.report_free(ctypes.byref(r))
    r = pf_report_t()
    lib.run_backtest_full(hh, bars, 0, b"15", b"15", 0, 4, 3, ctypes.byref(r))
    check("no bars: zero trades and an error", r.trades_len == 0 and "no bars" in error_of(lib, hh),
          error_of(lib, hh))
    lib.strategy_free(hh)
    r = pf_report_t()
    lib.run_backtest_full(None, bars, n, b"15", b"15", 0, 4, 3, ctypes.byref(r))
    check("a NULL handle is refused without a crash", r.trades_len == 0 and bool(lib.pf_last_error(None)))
    lib.report_free(None)
    lib.strategy_free(None)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
