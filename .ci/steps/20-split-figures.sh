#!/usr/bin/env bash
# Sentence-split figures (issue 10): boundary F1 of `tomtat split` on reports-dev, reports-dev2,
# joined-lines reports-dev2 and reports-dev (every document's lines joined by one space, gold
# unchanged), and the joined corpus/ scored against the split of its own line layout.
# Informative: it fails only when the binary or a scorer crashes.
# TOMTAT_BIN overrides the binary (to compare two builds on the same data).
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=../shared
if [ ! -d "$shared/eval" ] || [ ! -d "$shared/data/reports-dev2" ]; then
  echo "split figures: skipped (../shared/eval or ../shared/data not beside the checkout)"
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "split figures: skipped (no python3)"
  exit 0
fi
bin=${TOMTAT_BIN:-target/release/tomtat}
if [ -z "${TOMTAT_BIN:-}" ]; then
  cargo build --release -q -p tomtat-cli
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# texts.jsonl of a folder of reports: {"id","text"} lines; JOIN=1 joins each document's lines.
texts() {
  python3 - "$1" "$2" <<'PY'
import json, os, sys
d, join = sys.argv[1], sys.argv[2] == "1"
for f in sorted(os.listdir(d)):
    if f.endswith(".txt"):
        text = open(os.path.join(d, f), encoding="utf-8").read()
        if join:
            text = " ".join(l.strip() for l in text.splitlines() if l.strip())
        print(json.dumps({"id": f[:-4], "text": text}, ensure_ascii=False))
PY
}
score() { # name dir join [gold]
  if [ -n "${4:-}" ]; then
    cp "$4" "$tmp/gold.jsonl"
  else
    python3 "$shared/eval/gold_to_split.py" "$2/gold.jsonl" > "$tmp/gold.jsonl"
  fi
  texts "$2" "$3" > "$tmp/texts.jsonl"
  "$bin" split --jsonl --format jsonl < "$tmp/texts.jsonl" > "$tmp/split.jsonl"
  f1=$(python3 "$shared/eval/split_score.py" "$tmp/gold.jsonl" "$tmp/split.jsonl" --json |
    python3 -c 'import json,sys; r=json.load(sys.stdin); print("%.4f (P %.4f R %.4f, %d gold boundaries)" % (r["f1"], r["precision"], r["recall"], r["gold_boundaries"]))')
  echo "split F1 $1: $f1"
}
score reports-dev "$shared/data/reports-dev" 0
score reports-dev2 "$shared/data/reports-dev2" 0
score "reports-dev2 joined" "$shared/data/reports-dev2" 1
score "reports-dev joined" "$shared/data/reports-dev" 1
# corpus/: the units of the line layout are the reference for the joined text
texts corpus 0 > "$tmp/corpus.jsonl"
"$bin" split --jsonl --format jsonl < "$tmp/corpus.jsonl" |
  python3 -c 'import json,sys
for l in sys.stdin:
    d=json.loads(l); print(json.dumps({"id":d["id"],"sentences":[s["text"] for s in d["sentences"]]}, ensure_ascii=False))' > "$tmp/corpus-gold.jsonl"
score "corpus/ joined (against its line layout)" corpus 1 "$tmp/corpus-gold.jsonl"
