#!/usr/bin/env bash
# API docs build without warnings (broken links, bad code blocks), and each library crate can be
# packaged with the data it embeds.
set -euo pipefail
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --all-features --quiet
for crate in tomtat-text tomtat-tokenizer tomtat-splitter tomtat-scorer tomtat-formats; do
  cargo package --list --allow-dirty -p "$crate" > /tmp/tomtat-package-list.txt
  echo "package $crate: $(wc -l < /tmp/tomtat-package-list.txt) files"
done
for f in models/segmenter.bin; do grep -qx "$f" <(cargo package --list --allow-dirty -p tomtat-tokenizer); done
grep -qx models/splitter-rules.txt <(cargo package --list --allow-dirty -p tomtat-splitter)
grep -qx models/scorer-cues.tsv <(cargo package --list --allow-dirty -p tomtat-scorer)
