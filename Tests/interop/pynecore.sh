#!/usr/bin/env bash
# Interop with the real PyneCore (pip package pynesys-pynecore 6.11), both ways:
#   pfopt writes .ohlcv (and a symbol TOML) -> PyneCore reads identical values;
#   PyneCore writes .ohlcv (and a symbol TOML) -> pfopt reads identical values.
# Run from the repository root:  bash Tests/interop/pynecore.sh
# Creates its own virtualenv in .venv-interop/ (git-ignored) and builds pfopt in .build (the
# scratch path `swift test` uses; set PFOPT_INTEROP_SCRATCH to use another). Exits non-zero on any mismatch.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

venv="$root/.venv-interop"
scratch="${PFOPT_INTEROP_SCRATCH:-$root/.build}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import pynecore" 2>/dev/null; then
    "$venv/bin/pip" install --quiet "pynesys-pynecore==6.11.*"
fi

swift build --scratch-path "$scratch" --product pfopt >/dev/null
pfopt="$(swift build --scratch-path "$scratch" --show-bin-path)/pfopt"

work="$(mktemp -d "${TMPDIR:-/tmp}/pfopt-interop.XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$venv/bin/python" "$root/Tests/interop/pynecore_check.py" "$pfopt" "$root/sweeps/data/ETHUSDT-PERP_15m.csv" "$work"
