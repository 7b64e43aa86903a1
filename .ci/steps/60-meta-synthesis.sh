#!/usr/bin/env bash
# Issue 13: document metadata at the bar on the development gold (through `tomtat summarize
# --format jsonl`, as the hidden set is measured), and the synthesis map/reduce of
# examples/spark/synthesize.py run without Spark (same records, same result as the direct run).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v python3 >/dev/null; then
    echo "60-meta-synthesis: skipped: no python3 on this machine"
    exit 0
fi
cargo build --release -q -p tomtat-cli
python3 examples/spark/synthesize.py --local --tomtat target/release/tomtat
if [ -d ../shared/data/reports-dev ] && [ -d ../shared/data/reports-dev2 ]; then
    python3 crates/meta/score_meta.py --tomtat target/release/tomtat --min-level 0.85 --min-province 0.80 \
        ../shared/data/reports-dev ../shared/data/reports-dev2
else
    echo "60-meta-synthesis: metadata scoring skipped: ../shared/data/reports-dev{,2} not found"
fi
