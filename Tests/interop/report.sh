#!/usr/bin/env bash
# The report page in a real browser: builds pfopt, runs a small sweep on the
# bundled feed and a 100,000-run sweep on the test stand-in engine, then loads
# each report.html in headless Chromium (installed with apt-get when missing)
# and checks that it loads with no console message and no network request,
# that the heatmap has one cell per pair of levels for every pair of inputs,
# that the large page is under 5 MB and renders in under 2 s, and takes a
# screenshot. Control pages prove the console and network detectors work.
#
#   Tests/interop/report.sh [SCREENSHOT.png]
#
# Exit status non-zero on any failure; the last line is "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
root=$(pwd)
shot=${1:-}
passed=0
failed=0
check() { # check NAME CONDITION-STATUS [DETAIL]
    if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok: $1"; else failed=$((failed + 1)); echo "FAIL: $1 ${3:-}"; fi
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" = 0 ]; exit $?; }

if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1
fi
command -v chromium >/dev/null 2>&1; check "chromium is installed" $?
command -v chromium >/dev/null 2>&1 || finish

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# load PAGE-URL NAME: dumps the DOM after load, the console log and the net log.
load() {
    local start end
    start=$(date +%s%N)
    timeout 120 chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --disable-default-apps \
        --user-data-dir="$tmp/profile-$2" --enable-logging=stderr --v=0 --log-net-log="$tmp/$2.net.json" \
        --dump-dom "$1" >"$tmp/$2.dom" 2>"$tmp/$2.err"
    end=$(date +%s%N)
    echo $(((end - start) / 1000000)) >"$tmp/$2.wall"
}
# Console messages from the page itself.
console_lines() { grep -a "CONSOLE" "$tmp/$1.err" | grep -a "source: file://" || true; }
# Requests the page started (the browser's own background requests carry no origin).
page_requests() {
    python3 - "$tmp/$1.net.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
types = {v: k for k, v in d["constants"]["logEventTypes"].items()}
for e in d["events"]:
    p = e.get("params", {})
    if types.get(e["type"]) == "URL_REQUEST_START_JOB" and "url" in p and p.get("initiator") != "not an origin":
        print(p.get("url"))
PY
}

# Controls: a page that logs, throws and fetches must be caught.
cat >"$tmp/control.html" <<'HTML'
<!DOCTYPE html><html><body><img src="http://example.invalid/x.png">
<script>console.error("boom"); undefinedFunction();</script></body></html>
HTML
load "file://$tmp/control.html" control
[ "$(console_lines control | wc -l)" -ge 2 ]; check "control: console messages are detected" $?
page_requests control | grep -q "example.invalid"; check "control: a page request is detected" $?

# A small grid on the bundled feed.
swift build --product pfopt >"$tmp/build.log" 2>&1; check "pfopt builds" $? "$(tail -5 "$tmp/build.log")"
bin=$(swift build --show-bin-path)/pfopt
sed -e 's|fast_len = { from = 5, to = 50, step = 1 }|fast_len = { from = 5, to = 50, step = 9 }|' \
    -e "s|dir = \"../results/sma_cross\"|dir = \"$tmp/small\"|" \
    -e "s|script = \"strategies|script = \"$root/sweeps/strategies|" \
    -e "s|file = \"data|file = \"$root/sweeps/data|" sweeps/sma_cross.toml >"$tmp/small.toml"
"$bin" sweep "$tmp/small.toml" --fresh --quiet >"$tmp/sweep.log" 2>&1; check "the small sweep runs" $? "$(tail -3 "$tmp/sweep.log")"
[ -s "$tmp/small/report.html" ] && [ -s "$tmp/small/robustness.json" ]; check "the sweep writes report.html and robustness.json" $?
cp "$tmp/small/report.html" "$tmp/small/report.first.html"
rm "$tmp/small/report.html"
"$bin" report "$tmp/small" >/dev/null 2>&1 && cmp -s "$tmp/small/report.html" "$tmp/small/report.first.html"
check "pfopt report rebuilds the same page" $?

# A 100,000-run sweep on the test stand-in engine.
PFOPT_LARGE_REPORT_DIR="$tmp/large" swift test --filter ReportPageTests/aHundredThousandRunSweepGivesASmallSelfContainedPage \
    >"$tmp/large.log" 2>&1
check "the 100,000-run sweep runs" $? "$(grep -a -E 'error|✘' "$tmp/large.log" | head -3)"

for page in small large; do
    [ -s "$tmp/$page/report.html" ] || continue
    size=$(wc -c <"$tmp/$page/report.html")
    [ "$size" -lt 5000000 ]; check "$page: page size $size bytes < 5 MB" $?
    pairs=$(python3 -c "
import json
h = json.load(open('$tmp/$page/robustness.json'))['heatmaps']
n = [len(a['labels']) for a in h['axes']]
for x in range(len(n)):
    for y in range(len(n)):
        if x != y: print(x, y, n[x] * n[y])
")
    first=1
    while read -r x y cells; do
        name="$page-$x-$y"
        load "file://$tmp/$page/report.html#x=$x&y=$y" "$name"
        got=$(grep -ao 'class="cell"' "$tmp/$name.dom" | wc -l)
        [ "$got" = "$cells" ]; check "$page: heatmap x=$x y=$y has $cells cells" $? "(got $got)"
        if [ "$first" = 1 ]; then
            first=0
            grep -aq 'data-ready="1"' "$tmp/$name.dom"; check "$page: the script ran to the end" $?
            lines=$(console_lines "$name")
            [ -z "$lines" ]; check "$page: no console messages" $? "$lines"
            requests=$(page_requests "$name")
            [ -z "$requests" ]; check "$page: no network requests" $? "$requests"
            ms=$(grep -ao 'data-render-ms="[0-9]*"' "$tmp/$name.dom" | grep -o '[0-9]*')
            [ -n "$ms" ] && [ "$ms" -lt 2000 ]; check "$page: rendered in ${ms:-?} ms (< 2000)" $?
            echo "   $page: browser process wall time $(cat "$tmp/$name.wall") ms"
            for id in leaderboard dsr pbo; do
                grep -aq "id=\"$id\"" "$tmp/$name.dom"; check "$page: has #$id" $?
            done
        fi
    done <<<"$pairs"
done

# Screenshot of the small sweep's page.
out=${shot:-$tmp/report.png}
timeout 120 chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$tmp/profile-shot" \
    --hide-scrollbars --window-size=1280,4200 --screenshot="$out" "file://$tmp/small/report.html" >/dev/null 2>&1
[ "$(head -c 4 "$out" 2>/dev/null | od -An -c | tr -d ' ')" = "211PNG" ]; check "screenshot written to $out" $?
finish
