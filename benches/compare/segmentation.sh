#!/usr/bin/env bash
# Word segmentation: tomtat against underthesea and pyvi (not part of CI).
#
# Creates a throw-away venv, installs underthesea and pyvi from PyPI, segments the
# UD-VTB test raw text (F1 by shared/eval/seg_score.py) and the bundled corpus/
# (throughput, one thread), and prints a Markdown table.
#
# usage: benches/compare/segmentation.sh   (from the repository root or anywhere)
# env:   DATA=path/to/shared/data  VENV=/tmp/tomtat-compare-venv  SKIP_INSTALL=1
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data}
SCORE=${SCORE:-$DATA/../eval/seg_score.py}
VENV=${VENV:-/tmp/tomtat-compare-venv}
HERE="$ROOT/benches/compare"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${SKIP_INSTALL:-}" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q underthesea pyvi
fi
(cd "$ROOT" && cargo build -q --release -p tomtat-cli)
TOMTAT="$ROOT/target/release/tomtat"

VTB_RAW="$DATA/ud-vi-vtb/vi_vtb-ud-test.raw.txt"
VTB_GOLD="$DATA/ud-vi-vtb/vi_vtb-ud-test.words.txt"
TUECL_RAW="$DATA/ud-vi-tuecl/vi_tuecl-ud-test.raw.txt"
TUECL_GOLD="$DATA/ud-vi-tuecl/vi_tuecl-ud-test.words.txt"
cat "$ROOT"/corpus/*.txt > "$WORK/corpus.txt"
# tomtat is timed as a whole process: repeat corpus/ 10 times so start-up is amortized
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$WORK/corpus.txt"; done > "$WORK/corpus10.txt"

f1() { python3 "$SCORE" "$1" "$2" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["f1"])'; }

# tomtat: the CLI, timed around the whole process (includes start-up and I/O)
tomtat_run() {
  local t0 t1
  t0=$(date +%s.%N)
  "$TOMTAT" tokenize --lines < "$1" > "$2"
  t1=$(date +%s.%N)
  python3 -c "print(f'{$t1 - $t0:.4f} $(wc -c < "$1")')"
}

mbs() { python3 -c "s, b = '$1'.split(); print(f'{int(b) / float(s) / 1e6:.2f}')"; }

echo "| system | UD-VTB test F1 | UD-TUECL F1 | corpus/ MB/s (1 thread) |"
echo "|---|---|---|---|"
tomtat_run "$VTB_RAW" "$WORK/tomtat.vtb" > /dev/null
tomtat_run "$TUECL_RAW" "$WORK/tomtat.tuecl" > /dev/null
speed=$(tomtat_run "$WORK/corpus10.txt" "$WORK/tomtat.corpus")
echo "| tomtat | $(f1 "$VTB_GOLD" "$WORK/tomtat.vtb") | $(f1 "$TUECL_GOLD" "$WORK/tomtat.tuecl") | $(mbs "$speed") |"
for sys in underthesea pyvi; do
  if "$VENV/bin/python" "$HERE/seg_compare.py" "$sys" "$VTB_RAW" "$WORK/$sys.vtb" > /dev/null 2> "$WORK/$sys.err" &&
     "$VENV/bin/python" "$HERE/seg_compare.py" "$sys" "$TUECL_RAW" "$WORK/$sys.tuecl" > /dev/null 2>> "$WORK/$sys.err"; then
    speed=$("$VENV/bin/python" "$HERE/seg_compare.py" "$sys" "$WORK/corpus.txt" "$WORK/$sys.corpus" 2>> "$WORK/$sys.err")
    echo "| $sys | $(f1 "$VTB_GOLD" "$WORK/$sys.vtb") | $(f1 "$TUECL_GOLD" "$WORK/$sys.tuecl") | $(mbs "$speed") |"
  else
    echo "| $sys | failed: $(tail -1 "$WORK/$sys.err") | | |"
  fi
done
