#!/usr/bin/env bash
# pfopt's strategy libraries (C ABI version 2), both ways:
#   export: pfopt export -> a .so checked from Python ctypes against pfopt run of the same script;
#   import: a strategy written in C against the header, swept by pfopt; a sweep over an
#           exported library against the same sweep over the Pine script (byte-identical).
# Run from anywhere:  bash Tests/interop/abi.sh
# Needs the Swift toolchain (builds pfopt and libpfopt_abi.so in .build, or in
# $PFOPT_ABI_SCRATCH), a C compiler (cc), ldd, nm and python3 (standard library only).
# Prints PASS/FAIL per check and ends with "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
scratch="${PFOPT_ABI_SCRATCH:-$root/.build}"
python="${PYTHON:-python3}"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

if ! swift build --scratch-path "$scratch" >"${TMPDIR:-/tmp}/pfopt-abi-build.log" 2>&1; then
    tail -20 "${TMPDIR:-/tmp}/pfopt-abi-build.log"
    fail "swift build"
    finish
fi
bin="$(swift build --scratch-path "$scratch" --show-bin-path)"
pfopt="$bin/pfopt"

work="$(mktemp -d "${TMPDIR:-/tmp}/pfopt-abi.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The bundled feed as .ohlcv (+ its symbol TOML) and as text with exact doubles for ctypes.
cp sweeps/data/ETHUSDT-PERP_15m.csv "$work/feed.csv"
"$pfopt" data convert "$work/feed.csv" >/dev/null
"$pfopt" data export "$work/feed.ohlcv" "$work/bars.csv" >/dev/null

# --- The library itself -------------------------------------------------------------------
"$pfopt" export sweeps/strategies/sma_cross.pine -o "$work/sma.so" >/dev/null || fail "pfopt export"
if [ -f "$work/sma.so" ]; then
    if ldd "$work/sma.so" | grep -qi swift; then
        fail "the library links no Swift runtime" "$(ldd "$work/sma.so" | grep -i swift | head -3)"
    elif ldd -r "$work/sma.so" 2>&1 | grep -q "undefined symbol"; then
        fail "every symbol of the library resolves" "$(ldd -r "$work/sma.so" 2>&1 | grep undefined | head -3)"
    else
        pass "the library loads with no Swift runtime installed (ldd: no Swift library, no undefined symbol)"
    fi
    exported="$(nm -D --defined-only --extern-only "$work/sma.so" | awk '{print $3}' | sort | tr '\n' ' ')"
    want="pf_abi_version pf_last_error pf_version_get report_free run_backtest run_backtest_full strategy_create strategy_free strategy_set_input strategy_set_override "
    [ "$exported" = "$want" ] && pass "the library exports exactly the interface" \
        || fail "the library exports exactly the interface" "$exported"
fi
cmp -s "$work/pfopt_abi.h" Sources/CPFABI/include/pfopt_abi.h \
    && pass "pfopt_abi.h is installed beside the library (the header pfopt is built with)" \
    || fail "pfopt_abi.h beside the library equals Sources/CPFABI/include/pfopt_abi.h"
"$pfopt" export Tests/Fixtures/pine/broken/01-missing-paren.pine -o "$work/broken.so" 2>"$work/err.txt" \
    && fail "export refuses a broken script" \
    || { grep -q "01-missing-paren.pine:" "$work/err.txt" && pass "export refuses a broken script, naming file:line" \
        || fail "export names the broken script's line" "$(head -1 "$work/err.txt")"; }
"$pfopt" export sweeps/strategies/sma_cross.pine -o "$work/x.so" --set "No Such=1" 2>"$work/err.txt" \
    && fail "export refuses an unknown input" || pass "export refuses an unknown --set input"

# --- ctypes -------------------------------------------------------------------------------
if "$python" Tests/interop/abi_check.py "$pfopt" "$work" "$root" >"$work/py.txt" 2>&1; then :; fi
cat "$work/py.txt" | grep -E "^(PASS|FAIL)"
py_pass="$(tail -1 "$work/py.txt" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p')"
py_fail="$(tail -1 "$work/py.txt" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\2/p')"
if [ -z "$py_pass" ]; then
    fail "ctypes checks ran to the end" "$(tail -5 "$work/py.txt")"
else
    passed=$((passed + py_pass))
    failed=$((failed + py_fail))
fi

# --- Round trip: a sweep over the exported library = the same sweep over the script ------------
mkdir -p "$work/rt"
cp sweeps/strategies/sma_cross.pine "$work/rt/"
cat >"$work/rt/pine.toml" <<'TOML'
[strategy]
script = "sma_cross.pine"
[strategy.inputs]
"Trend Filter Length" = 300
[strategy.overrides]
initial_capital = 10000
commission_type = "percent"
commission_value = 0.05
slippage = 1
[data]
file = "../feed.csv"
timeframe = "60"
from = "2024-11-01"
[data.magnifier]
mode = "real"
[search]
method = "grid"
constraints = ["fast_len < slow_len"]
[params]
fast_len = { from = 6, to = 24, step = 6 }
slow_len = { values = [30, 60] }
use_trend = { values = [false, true] }
[objective]
rank_by = "net_profit_pct / max(max_equity_drawdown_pct, 1)"
filters = ["num_trades >= 10"]
[output]
dir = "out-pine"
top = 10
TOML
sed -e 's|^script = "sma_cross.pine"|library = "../sma.so"|' -e 's|out-pine|out-lib|' "$work/rt/pine.toml" >"$work/rt/lib.toml"
"$pfopt" sweep "$work/rt/pine.toml" >"$work/rt/pine.txt" 2>&1 || fail "sweep over the script" "$(tail -2 "$work/rt/pine.txt")"
"$pfopt" sweep "$work/rt/lib.toml" >"$work/rt/lib.txt" 2>&1 || fail "sweep over the library" "$(tail -2 "$work/rt/lib.txt")"
if [ -s "$work/rt/out-pine/leaderboard.csv" ] && [ "$(wc -l <"$work/rt/out-pine/leaderboard.csv")" -gt 1 ] \
    && cmp -s "$work/rt/out-pine/leaderboard.csv" "$work/rt/out-lib/leaderboard.csv" \
    && cmp -s "$work/rt/out-pine/runs.csv" "$work/rt/out-lib/runs.csv" \
    && cmp -s "$work/rt/out-pine/robustness.json" "$work/rt/out-lib/robustness.json"; then
    pass "round trip: leaderboard.csv, runs.csv and robustness.json of library = exported .so are byte-identical to the script's (60 on 15m, real magnifier, trade window)"
else
    fail "round trip leaderboard byte-identical" "$(diff "$work/rt/out-pine/leaderboard.csv" "$work/rt/out-lib/leaderboard.csv" 2>&1 | head -4)"
fi
"$pfopt" sweep "$work/rt/lib.toml" >"$work/rt/lib2.txt" 2>&1
grep -q "resumed from the journal" "$work/rt/lib2.txt" && cmp -s "$work/rt/out-pine/leaderboard.csv" "$work/rt/out-lib/leaderboard.csv" \
    && pass "a library sweep resumes from its journal" || fail "a library sweep resumes" "$(grep ran "$work/rt/lib2.txt")"

# Walk-forward over the exported library: the same folds, winners, out-of-sample equity and
# trades (the interface carries no order ids, so those columns are left out of the comparison).
cat >"$work/rt/wf-pine.toml" <<'TOML'
[strategy]
script = "sma_cross.pine"
[strategy.overrides]
initial_capital = 10000
commission_type = "percent"
commission_value = 0.05
[data]
file = "../feed.csv"
[search]
method = "grid"
constraints = ["fast_len < slow_len"]
[params]
fast_len = { values = [10, 20] }
slow_len = { values = [50, 100] }
[objective]
rank_by = "net_profit"
[output]
dir = "wf-pine"
top = 3
[walkforward]
mode = "rolling"
in_sample = "180d"
out_of_sample = "90d"
warmup = "10d"
TOML
sed -e 's|^script = "sma_cross.pine"|library = "../sma.so"|' -e 's|wf-pine|wf-lib|' "$work/rt/wf-pine.toml" >"$work/rt/wf-lib.toml"
"$pfopt" walkforward "$work/rt/wf-pine.toml" >"$work/rt/wfp.txt" 2>&1
"$pfopt" walkforward "$work/rt/wf-lib.toml" >"$work/rt/wfl.txt" 2>&1
wf_differs=""
[ -s "$work/rt/wf-pine/folds.csv" ] || wf_differs="no folds.csv"
for f in folds.csv oos_equity.csv walkforward.json; do
    cmp -s "$work/rt/wf-pine/$f" "$work/rt/wf-lib/$f" || wf_differs="$wf_differs $f"
done
# The interface carries no order ids or comments: compare every other column.
trade_columns() { python3 -c 'import csv,sys
rows = list(csv.reader(open(sys.argv[1])))
keep = [i for i, h in enumerate(rows[0]) if not h.endswith(("_id", "_comment"))]
for r in rows: print(",".join(r[i] for i in keep))' "$1"; }
cmp -s <(trade_columns "$work/rt/wf-pine/oos_trades.csv") <(trade_columns "$work/rt/wf-lib/oos_trades.csv") \
    || wf_differs="$wf_differs oos_trades.csv"
if [ -z "$wf_differs" ]; then
    pass "round trip: walk-forward over the exported library gives the script's folds, winners, out-of-sample trades and equity"
else
    fail "walk-forward round trip" "differs:$wf_differs; $(tail -2 "$work/rt/wfl.txt")"
fi

# --- A strategy written in C against the header, swept through the import path ----------------
if cc -std=c99 -Wall -Werror -O2 -fPIC -shared -I "$work" Tests/interop/abi_c_strategy.c -o "$work/c_strategy.so" -lm 2>"$work/cc.txt"; then
    pass "the C strategy compiles against the installed header"
    mkdir -p "$work/c"
    cat >"$work/c/sweep.toml" <<'TOML'
[strategy]
library = "../c_strategy.so"
[strategy.inputs]
Qty = 2.5
[data]
file = "../feed.ohlcv"
[search]
method = "grid"
[params]
Length = { values = [5, 20, 50] }
[objective]
rank_by = "net_profit"
[output]
dir = "out"
top = 3
TOML
    if "$pfopt" sweep "$work/c/sweep.toml" >"$work/c/out.txt" 2>&1; then
        msg="$("$python" Tests/interop/abi_c_expected.py "$work/bars.csv" "$work/c/out/runs.csv" 2.5 2>&1)" \
            && pass "C strategy swept by pfopt: every run matches the rule computed in Python ($msg)" \
            || fail "C strategy sweep matches the rule" "$msg"
    else
        fail "sweep over the C strategy" "$(tail -3 "$work/c/out.txt")"
    fi
    "$pfopt" run --library "$work/c_strategy.so" --data "$work/feed.ohlcv" --set Length=20 >"$work/c/run.txt" 2>&1 \
        && grep -q num_trades "$work/c/run.txt" && pass "pfopt run --library runs the C strategy" \
        || fail "pfopt run --library" "$(tail -2 "$work/c/run.txt")"
    sed -e 's|^file = "../feed.ohlcv"|file = "../feed.ohlcv"\nfrom = "2024-11-01"|' "$work/c/sweep.toml" >"$work/c/window.toml"
    "$pfopt" sweep "$work/c/window.toml" >"$work/c/window.txt" 2>&1 \
        && fail "a trade window is refused for a library without one" \
        || { grep -q "no trade window" "$work/c/window.txt" && pass "a trade window is refused for a foreign library, loudly" \
            || fail "trade window refusal message" "$(tail -1 "$work/c/window.txt")"; }
else
    fail "the C strategy compiles" "$(head -5 "$work/cc.txt")"
fi

# --- The version is checked before any run ---------------------------------------------------
cat >"$work/v1.c" <<'C'
int pf_abi_version(void) { return 1; }
C
cc -shared -fPIC "$work/v1.c" -o "$work/v1.so"
"$pfopt" run --library "$work/v1.so" --data "$work/feed.ohlcv" >"$work/v1.txt" 2>&1
if [ "$(wc -l <"$work/v1.txt")" -eq 1 ] && grep -q "version 1" "$work/v1.txt" && grep -q "version 2" "$work/v1.txt"; then
    pass "an ABI version mismatch is a one-line error naming both versions"
else
    fail "ABI version mismatch message" "$(cat "$work/v1.txt")"
fi

finish
