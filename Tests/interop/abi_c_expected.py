"""The C test strategy's rule (see abi_c_strategy.c) computed here from the bars,
compared with the runs.csv of a pfopt sweep over the compiled library.

Usage: abi_c_expected.py BARS_CSV RUNS_CSV QTY
"""
import csv
import sys

bars_csv, runs_csv, qty = sys.argv[1], sys.argv[2], float(sys.argv[3])
closes = [float(r["close"]) for r in csv.DictReader(open(bars_csv))]


def expected(length):
    in_pos, entry, trades, wins, losses, net = False, 0.0, 0, 0, 0, 0.0
    for i, c in enumerate(closes):
        if i + 1 < length:
            continue
        total = 0.0
        for k in range(i + 1 - length, i + 1):
            total += closes[k]
        sma = total / length
        if not in_pos and c > sma:
            in_pos, entry = True, c
        elif in_pos and c < sma:
            pnl = (c - entry) * qty
            trades += 1
            net += pnl
            wins += pnl > 0
            losses += pnl < 0
            in_pos = False
    return trades, wins, losses, net


rows = list(csv.DictReader(open(runs_csv)))
bad = []
for r in rows:
    length = int(r["Length"])
    t, w, l, net = expected(length)
    got = (int(float(r["num_trades"])), int(float(r["num_wins"])), int(float(r["num_losses"])), float(r["net_profit"]))
    if r["status"] != "ok" or got != (t, w, l, net):
        bad.append(f"Length={length}: sweep {got} vs rule {(t, w, l, net)}")
if not rows:
    bad.append("runs.csv has no rows")
print("\n".join(bad) if bad else f"{len(rows)} runs match the rule")
sys.exit(1 if bad else 0)
