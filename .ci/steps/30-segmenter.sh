#!/usr/bin/env bash
# Word segmentation: the bundled model is what its one documented command builds
# (byte-identical), and its word F1 (`tomtat tokenize --lines`, shared/eval/seg_score.py)
# on UD-VTB test and UD-TUECL does not fall below the floors measured when it was trained.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=../shared/data
if [ ! -d "$DATA/ud-vi-vtb" ] || [ ! -f ../shared/eval/seg_score.py ]; then
  echo "segmenter: skipped (../shared/data or ../shared/eval absent)"
  exit 0
fi
if ! command -v python3 > /dev/null; then
  echo "segmenter: skipped (no python3 for seg_score.py)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run -q --release -p tomtat-segmenter-train -- --data "$DATA" --out "$tmp/segmenter.bin" 2> "$tmp/train.log"
cmp "$tmp/segmenter.bin" crates/tokenizer/models/segmenter.bin ||
  { echo "segmenter: models/segmenter.bin differs from a rebuild (see crates/tokenizer/models/README.md)"; exit 1; }
cargo build -q --release -p tomtat-cli
check() { # name raw gold floor
  target/release/tomtat tokenize --lines < "$2" > "$tmp/out"
  f1=$(python3 ../shared/eval/seg_score.py "$3" "$tmp/out" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["f1"])')
  echo "segmenter: $1 word F1 $f1 (floor $4)"
  python3 -c "import sys; sys.exit(0 if $f1 >= $4 else 1)" || { echo "segmenter: $1 below floor"; exit 1; }
}
check "UD-VTB test" "$DATA/ud-vi-vtb/vi_vtb-ud-test.raw.txt" "$DATA/ud-vi-vtb/vi_vtb-ud-test.words.txt" 0.955
check "UD-TUECL" "$DATA/ud-vi-tuecl/vi_tuecl-ud-test.raw.txt" "$DATA/ud-vi-tuecl/vi_tuecl-ud-test.words.txt" 0.905
