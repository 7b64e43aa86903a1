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
# the shipped models are what their documented command builds (crates/scorer/models/README.md)
mkdir -p "$out/models"
./target/release/examples/train_parts --out "$out/models/scorer-parts.tsv" "$SHARED/data/reports-dev" "$SHARED/data/reports-dev2" >/dev/null
for m in scorer-parts.tsv scorer-keys.tsv; do
    cmp "$out/models/$m" "crates/scorer/models/$m" || {
        echo "scorer-heldout: crates/scorer/models/$m is not what train_parts builds; rebuild it (crates/scorer/models/README.md)"; exit 1; }
done
echo "scorer-heldout: models rebuild byte-identical"
./target/release/examples/train_parts --cv "$out" "$SHARED/data/reports-dev" "$SHARED/data/reports-dev2"
mean_f1() { python3 "$SHARED/eval/summary_score.py" "$1" "$2" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["mean"]["f1"])'; }
for set in reports-dev reports-dev2; do
    for tag in hand cross folds infolds; do
        echo "scorer-heldout: $set $tag mean F1 $(mean_f1 "$SHARED/data/$set/gold.jsonl" "$out/$set.$tag.jsonl")"
    done
done
# reports-dev2 held out, by part and by document kind (official 100-109, long news 120-131,
# long resolutions and reports 141-145, short news 220-231)
for tag in cross folds; do
    python3 - "$SHARED" "$out/reports-dev2.$tag.jsonl" "$tag" <<'PY'
import json, subprocess, sys, tempfile
shared, sysf, tag = sys.argv[1:4]
gold = f"{shared}/data/reports-dev2/gold.jsonl"
kinds = {"official": range(100, 110), "long-news": range(120, 132),
         "long-resolutions": range(141, 146), "short-news": range(220, 232)}
def score(g, s):
    r = subprocess.run(["python3", f"{shared}/eval/summary_score.py", g, s, "--json"],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)
d = score(gold, sysf)
line = f"scorer-heldout: reports-dev2 {tag} by part: " + " ".join(
    f"{p} {d[p]['f1']:.3f}" for p in ("results", "shortcomings", "directives"))
line += f"; key recall {d['mean']['recall']:.3f}; by kind:"
for k, ids in kinds.items():
    with tempfile.TemporaryDirectory() as t:
        for name, src in (("g", gold), ("s", sysf)):
            with open(src) as f, open(f"{t}/{name}", "w") as o:
                o.writelines(l for l in f if l.strip() and int(json.loads(l)["id"]) in ids)
        line += f" {k} {score(f'{t}/g', f'{t}/s')['mean']['f1']:.3f}"
print(line)
PY
done
# regression floor on the honest figure (document folds of reports-dev2, other set in training;
# the figure moves by about 0.01 with the training order alone, see `SEED=n` in train_parts)
folds=$(mean_f1 "$SHARED/data/reports-dev2/gold.jsonl" "$out/reports-dev2.folds.jsonl")
python3 -c "import sys; sys.exit(0 if $folds >= 0.565 else 1)" || { echo "scorer-heldout: held-out F1 $folds < 0.565"; exit 1; }
./target/release/tomtat summarize --format jsonl "$SHARED/data/reports-dev2" > "$out/e2e.jsonl" 2>/dev/null
e2e=$(mean_f1 "$SHARED/data/reports-dev2/gold.jsonl" "$out/e2e.jsonl")
echo "scorer-heldout: end-to-end reports-dev2 mean F1 $e2e (in-sample for the shipped models)"
python3 -c "import sys; sys.exit(0 if $e2e >= 0.65 else 1)" || { echo "scorer-heldout: end-to-end F1 $e2e < 0.65"; exit 1; }
