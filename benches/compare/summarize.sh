#!/usr/bin/env bash
# Python anchors for `tomtat summarize`: sumy's LexRank with a Vietnamese tokenizer
# (benches/compare/sumy_lexrank.py), scored on the dev gold beside tomtat's two methods,
# and the throughput of each on the bundled corpus. Prints Markdown tables.
#
# usage: benches/compare/summarize.sh            (from any folder)
# env:   VENV   throw-away venv (default /tmp/tomtat-compare-venv; reused when present)
#        TOMTAT binary (default target/release/tomtat, built when missing: run
#               `cargo build --release -p tomtat-cli` first for current figures)
#        DEV    dev reports with gold.jsonl (default /work/shared/data/reports-dev)
#        RUNS   timing runs, the median is reported (default 3)
#        OUT    folder for the JSONL outputs (default a fresh temporary folder)
# Needs python3 with venv and pip reaching PyPI (sumy, underthesea, pyvi); nothing else is
# downloaded. Not part of CI.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benches/compare"
VENV=${VENV:-/tmp/tomtat-compare-venv}
TOMTAT=${TOMTAT:-$ROOT/target/release/tomtat}
DEV=${DEV:-$ROOT/../shared/data/reports-dev}
[ -d "$DEV" ] || DEV=/work/shared/data/reports-dev
SCORE=${SCORE:-$(dirname "$(dirname "$DEV")")/eval/summary_score.py}
RUNS=${RUNS:-3}
OUT=${OUT:-$(mktemp -d /tmp/tomtat-compare.XXXXXX)}
CORES=$(nproc)
mkdir -p "$OUT"

if [ ! -x "$VENV/bin/python" ]; then
    echo "creating $VENV" >&2
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import sumy, underthesea, pyvi" 2>/dev/null; then
    "$VENV/bin/pip" install -q sumy underthesea pyvi >&2
fi
PY="$VENV/bin/python"
if [ ! -x "$TOMTAT" ]; then
    (cd "$ROOT" && cargo build --release -p tomtat-cli >&2)
fi

shopt -s nullglob
DEV_FILES=("$DEV"/*.txt)
CORPUS_FILES=("$ROOT"/corpus/*.txt)
[ ${#DEV_FILES[@]} -gt 0 ] || { echo "no dev reports in $DEV" >&2; exit 2; }

# ---- quality on the dev gold ------------------------------------------------------------
echo "running tomtat and sumy on ${#DEV_FILES[@]} dev reports -> $OUT" >&2
# exit status 1 = some document failed (an error record): still a complete output
"$TOMTAT" summarize -q "${DEV_FILES[@]}" > "$OUT/tomtat-default.jsonl" 2>/dev/null || [ $? -le 1 ]
"$TOMTAT" summarize -q --method lexrank "${DEV_FILES[@]}" > "$OUT/tomtat-lexrank.jsonl" 2>/dev/null ||
    [ $? -le 1 ]
# same number of sentences per document as tomtat's LexRank picked
"$PY" "$HERE/sumy_lexrank.py" --words underthesea --budget-from "$OUT/tomtat-lexrank.jsonl" \
    --out "$OUT/sumy-underthesea.jsonl" "${DEV_FILES[@]}"
"$PY" "$HERE/sumy_lexrank.py" --words pyvi --budget-from "$OUT/tomtat-lexrank.jsonl" \
    --out "$OUT/sumy-pyvi.jsonl" "${DEV_FILES[@]}"

quality_row() { # name file
    python3 "$SCORE" "$DEV/gold.jsonl" "$2" --json > "$OUT/score.json"
    python3 - "$1" "$OUT/score.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[2])); m = r["mean"]
parts = ("results", "shortcomings", "directives")
picked = sum(r[p]["picked"] for p in parts)
f1 = " / ".join("%.3f" % r[p]["f1"] for p in parts)
print("| %s | %d | %.3f | %.3f | %.3f | %s | %.3f | %.3f |" % (
    sys.argv[1], picked, m["precision"], m["recall"], m["f1"], f1, m["rouge1"], m["rouge2"]))
EOF
}

GOLD_DOCS=$(grep -c . "$DEV/gold.jsonl")
echo
echo "Quality: $GOLD_DOCS gold documents of $(basename "$DEV"), \`summary_score.py\` (means over the three parts)"
echo
echo "| system | picked | precision | recall | F1 | F1 results / shortcomings / directives | ROUGE-1 | ROUGE-2 |"
echo "|---|---:|---:|---:|---:|---|---:|---:|"
quality_row "tomtat summarize (default)" "$OUT/tomtat-default.jsonl"
quality_row "tomtat summarize --method lexrank" "$OUT/tomtat-lexrank.jsonl"
quality_row "sumy LexRank + underthesea words" "$OUT/sumy-underthesea.jsonl"
quality_row "sumy LexRank + pyvi words" "$OUT/sumy-pyvi.jsonl"

# ---- throughput on the bundled corpus -----------------------------------------------------
BYTES=$(cat "${CORPUS_FILES[@]}" | wc -c)
NDOCS=${#CORPUS_FILES[@]}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

wall_median() { # command... ; prints the median wall time in seconds over RUNS runs
    "$@" > /dev/null 2>&1 || true # warm the page cache
    for _ in $(seq "$RUNS"); do
        local t0 t1
        t0=$(date +%s.%N)
        "$@" > /dev/null 2>&1 || true
        t1=$(date +%s.%N)
        awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}'
    done | median
}

speed_row() { # name jobs seconds (BYTES and NDOCS: the input measured)
    awk -v n="$1" -v j="$2" -v s="$3" -v b="$BYTES" -v d="$NDOCS" \
        'BEGIN {printf "| %s | %s | %.3f | %.2f | %.1f |\n", n, j, s, b / 1e6 / s, d / s}'
}

echo
echo "Throughput: corpus/*.txt ($NDOCS reports, $BYTES bytes), median of $RUNS runs, $CORES cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| system | jobs | seconds | MB/s | docs/s |"
echo "|---|---:|---:|---:|---:|"
for method in default lexrank; do
    for jobs in 1 "$CORES"; do
        s=$(wall_median "$TOMTAT" summarize -q --method "$method" --jobs "$jobs" "${CORPUS_FILES[@]}")
        speed_row "tomtat summarize --method $method (wall, process)" "$jobs" "$s"
    done
done
# steady state: the corpus 20 times over as {"id","text"} lines, so that process start
# (loading the models) is not most of the time
python3 - "$OUT/corpus-x20.jsonl" "${CORPUS_FILES[@]}" <<'EOF'
import json, os, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for k in range(20):
        for p in sys.argv[2:]:
            text = open(p, encoding="utf-8").read()
            out.write(json.dumps({"id": "%d/%s" % (k, os.path.basename(p)), "text": text},
                                 ensure_ascii=False) + "\n")
EOF
BIG_BYTES=$((BYTES * 20))
for method in default lexrank; do
    for jobs in 1 "$CORES"; do
        s=$(wall_median "$TOMTAT" summarize -q --method "$method" --jobs "$jobs" --jsonl "$OUT/corpus-x20.jsonl")
        BYTES=$BIG_BYTES NDOCS=$((NDOCS * 20)) speed_row "tomtat summarize --method $method, corpus x20 via --jsonl (wall, process)" "$jobs" "$s"
    done
done
for words in underthesea pyvi; do
    s=$("$PY" "$HERE/sumy_lexrank.py" --bench "$RUNS" --words "$words" "${CORPUS_FILES[@]}" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["median_s"])')
    speed_row "sumy LexRank + $words (in-process)" 1 "$s"
    s=$(wall_median "$PY" "$HERE/sumy_lexrank.py" --words "$words" "${CORPUS_FILES[@]}")
    speed_row "sumy LexRank + $words (wall, process)" 1 "$s"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "outputs in $OUT" >&2
