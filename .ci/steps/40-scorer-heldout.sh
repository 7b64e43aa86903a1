#!/usr/bin/env bash
# Scorer: held-out figures of the learned part and key models (train on one gold set,
# test on the other; document folds inside each), and the end-to-end bar on reports-dev2.
set -euo pipefail
SHARED=../shared
if [ ! -d "$SHARED/data/reports-dev2" ] || [ ! -f "$SHARED/eval/summary_score.py" ]; then
    echo "scorer-heldout: skipped (../shared with the gold reports is not beside the repository)"
    exit 0
fi
if ! command -v python3 >/dev/null; then
    apt-get update -qq && apt-get install -y -qq python3 >/dev/null || {
        echo "scorer-heldout: skipped (python3 cannot be installed)"; exit 0; }
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo build --release -q -p tomtat-scorer --features train --example train_parts
cargo build --release -q -p tomtat-cli
./target/release/examples/train_parts --cv "$out" "$SHARED/data/reports-dev" "$SHARED/data/reports-dev2"
mean_f1() { python3 "$SHARED/eval/summary_score.py" "$1" "$2" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["mean"]["f1"])'; }
for set in reports-dev reports-dev2; do
    for tag in hand cross folds infolds; do
        echo "scorer-heldout: $set $tag mean F1 $(mean_f1 "$SHARED/data/$set/gold.jsonl" "$out/$set.$tag.jsonl")"
    done
done
# regression floor on the honest figure (document folds of reports-dev2, other set in training)
folds=$(mean_f1 "$SHARED/data/reports-dev2/gold.jsonl" "$out/reports-dev2.folds.jsonl")
python3 -c "import sys; sys.exit(0 if $folds >= 0.55 else 1)" || { echo "scorer-heldout: held-out F1 $folds < 0.55"; exit 1; }
./target/release/tomtat summarize --format jsonl "$SHARED/data/reports-dev2" > "$out/e2e.jsonl" 2>/dev/null
e2e=$(mean_f1 "$SHARED/data/reports-dev2/gold.jsonl" "$out/e2e.jsonl")
echo "scorer-heldout: end-to-end reports-dev2 mean F1 $e2e (in-sample for the shipped models)"
python3 -c "import sys; sys.exit(0 if $e2e >= 0.65 else 1)" || { echo "scorer-heldout: end-to-end F1 $e2e < 0.65"; exit 1; }
