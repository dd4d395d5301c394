#!/usr/bin/env bash
# End-to-end test of pfopt on a real Slurm (started by up.sh): a random
# search over a parity strategy run as 4 shards with `pfopt slurm --submit`
# gives runs.csv and leaderboard.csv byte-identical to a local run; the same
# with one shard killed by scancel while it runs, then re-run alone and
# merged. Prints `N passed, N failed` last; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
passed=0
failed=0
check() {  # check NAME COMMAND...
    local name="$1"; shift
    if "$@"; then echo "PASS: $name"; passed=$((passed + 1)); else echo "FAIL: $name"; failed=$((failed + 1)); fi
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" = 0 ] && [ "$passed" -gt 0 ]; exit $?; }
die() { echo "FAIL: $*"; failed=$((failed + 1)); finish; }

bash Tests/slurm/up.sh || die "Slurm did not start"

# The pfopt binary: $PFOPT, else the release build if present, else the debug build.
pfopt="${PFOPT:-}"
if [ -z "$pfopt" ]; then
    if [ -x .build/release/pfopt ]; then pfopt="$root/.build/release/pfopt"
    else swift build >/dev/null 2>&1 || die "swift build failed"; pfopt="$root/.build/debug/pfopt"; fi
fi
[ -x "$pfopt" ] || die "no pfopt binary at $pfopt"

work="$(mktemp -d /tmp/pfopt-slurm-e2e.XXXXXX)"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
cp Tests/Fixtures/parity/cases/04-macd-tuple/strategy.pine "$work/macd.pine"
# The first 12,000 bars of the bundled feed keep each run short.
head -n 12001 sweeps/data/ETHUSDT-PERP_15m.csv > "$work/eth.csv"
cp sweeps/data/ETHUSDT-PERP_15m.csv "$work/eth-full.csv"
config() {  # config OUTPUT_DIR [TRIALS] [DATA]
    cat <<TOML
[strategy]
script = "macd.pine"
[data]
file = "${3:-eth.csv}"
[search]
method = "random"
trials = ${2:-32}
seed = 7
constraints = ["fastLen < slowLen"]
[params]
fastLen = { from = 4, to = 30 }
slowLen = { from = 10, to = 60 }
signalLen = { values = [5, 9, 14] }
allowShorts = { values = [false, true] }
[objective]
rank_by = "net_profit"
filters = ["num_trades >= 5"]
[output]
dir = "$1"
top = 10
TOML
}
config local > "$work/local.toml"
config cluster > "$work/cluster.toml"
# The run that loses a shard has enough work per shard (100 runs on the whole
# feed, seconds even in a release build) that the shard is still running when
# it is cancelled.
config killed 400 eth-full.csv > "$work/killed.toml"
config local-killed 400 eth-full.csv > "$work/local-killed.toml"

# Waits until none of the given jobs is queued or running (at most $2 seconds).
wait_jobs() {
    local ids="$1" limit="$2" t=0
    while [ -n "$(squeue -h -j "$ids" 2>/dev/null)" ]; do
        sleep 2; t=$((t + 2))
        if [ "$t" -ge "$limit" ]; then echo "timeout waiting for jobs $ids"; squeue -j "$ids"; return 1; fi
    done
}
same() { cmp -s "$1" "$2" || { echo "differs: $1 $2"; diff "$1" "$2" | head -5; return 1; }; }

# 1. The local reference.
check "local sweep" "$pfopt" sweep "$work/local.toml" --quiet --jobs 2
check "local sweep of the run that loses a shard" "$pfopt" sweep "$work/local-killed.toml" --quiet --jobs 2

# 2. Four shards on the cluster, submitted by pfopt.
out="$("$pfopt" slurm "$work/cluster.toml" --shards 4 --submit --cpus-per-task 1 --time 00:20:00 2>&1)"
echo "$out"
array="$(echo "$out" | sed -n 's/^submitted array job \([0-9]*\) .* merge job \([0-9]*\) .*/\1/p')"
merge="$(echo "$out" | sed -n 's/^submitted array job \([0-9]*\) .* merge job \([0-9]*\) .*/\2/p')"
check "pfopt slurm --submit printed both job ids" test -n "$array" -a -n "$merge"
check "sweep.sbatch is a 4-task array running --shard" grep -q -- '--array=0-3' "$work/cluster/slurm/sweep.sbatch"
check "merge.sbatch runs pfopt merge" grep -q ' merge ' "$work/cluster/slurm/merge.sbatch"
if [ -n "$array" ] && [ -n "$merge" ]; then
    wait_jobs "$array,$merge" 600
    check "all 4 shards finished" test -f "$work/cluster/shards/3/shard.json" -a -f "$work/cluster/shards/0/shard.json"
    check "the merge job wrote runs.csv" test -f "$work/cluster/runs.csv"
    check "runs.csv byte-identical to the local run" same "$work/local/runs.csv" "$work/cluster/runs.csv"
    check "leaderboard.csv byte-identical to the local run" same "$work/local/leaderboard.csv" "$work/cluster/leaderboard.csv"
    check "best/trades.csv identical" same "$work/local/best/trades.csv" "$work/cluster/best/trades.csv"
    if [ -f "$work/local/robustness.json" ]; then
        check "robustness.json identical" same "$work/local/robustness.json" "$work/cluster/robustness.json"
    fi
fi

# 3. One shard killed with scancel while it runs, re-run alone, then merged.
out="$("$pfopt" slurm "$work/killed.toml" --shards 4 --submit --cpus-per-task 1 2>&1)"
echo "$out"
array="$(echo "$out" | sed -n 's/^submitted array job \([0-9]*\) .* merge job \([0-9]*\) .*/\1/p')"
merge="$(echo "$out" | sed -n 's/^submitted array job \([0-9]*\) .* merge job \([0-9]*\) .*/\2/p')"
if [ -n "$array" ]; then
    # Wait for shard 1 to have journalled at least one run, then kill it.
    for _ in $(seq 1 1200); do
        lines=0
        [ -f "$work/killed/shards/1/journal.tsv" ] && lines="$(wc -l < "$work/killed/shards/1/journal.tsv")"
        [ "$lines" -ge 2 ] && break
        sleep 0.05
    done
    scancel "${array}_1"
    killed_early=no
    [ -f "$work/killed/shards/1/shard.json" ] || killed_early=yes
    echo "shard 1 cancelled (before it finished: $killed_early)"
    # The merge waits on every task; with one cancelled it can never start.
    sleep 2
    scancel "$merge" 2>/dev/null
    wait_jobs "$array" 600
    check "the cancelled shard left no completion record" test "$killed_early" = yes -a ! -f "$work/killed/shards/1/shard.json"
    merge_error="$("$pfopt" merge "$work/killed.toml" --quiet 2>&1)"
    check "merge refuses while shard 1 is unfinished" grep -q "shard 1 of 4 has not finished" <<< "$merge_error"
    rerun="$(sbatch --parsable --array=1 "$work/killed/slurm/sweep.sbatch" | cut -d';' -f1)"
    wait_jobs "$rerun" 600
    check "shard 1 re-run alone resumed from its journal" grep -q "resumed from the journal" "$work/killed/slurm/sweep-${rerun}_1.out"
    final="$(sbatch --parsable "$work/killed/slurm/merge.sbatch" | cut -d';' -f1)"
    wait_jobs "$final" 600
    check "runs.csv after kill and re-run byte-identical" same "$work/local-killed/runs.csv" "$work/killed/runs.csv"
    check "leaderboard.csv after kill and re-run byte-identical" same "$work/local-killed/leaderboard.csv" "$work/killed/leaderboard.csv"
else
    check "second submission" false
fi
finish
