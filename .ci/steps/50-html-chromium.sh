#!/usr/bin/env bash
# HTML briefings in a real browser: headless Chromium loads every page of the corpus batch
# from file:// with the network off; each pick of the JSON must be a <mark> with its
# data-part, no request may leave a page, hostile markup stays text, screenshots not blank.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "50-html-chromium: skipped, chromium cannot be installed here (no apt-get or not root)"
  exit 0
fi

# The library tests, which must not skip now.
TOMTAT_REQUIRE_BROWSER=1 cargo test -q -p tomtat --test browser

# The batch: every document of the corpus as a page, with its JSON, plus index.html.
cargo build -q --release -p tomtat-cli
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
target/release/tomtat summarize corpus --glob '*.txt' --format html --out "$out/b" -q > /dev/null
test -s "$out/b/index.html"
n=0
for json in "$out"/b/*.json; do
  page="${json%.json}.html"
  test -s "$page" || { echo "no page for $json"; exit 1; }
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --proxy-server=127.0.0.1:9 '--host-resolver-rules=MAP * ~NOTFOUND' \
    --user-data-dir="$out/profile" --dump-dom "file://$page" > "$out/dom.html" 2>/dev/null
  python3 - "$json" "$out/dom.html" <<'PY'
import json, re, sys
rec = json.load(open(sys.argv[1], encoding="utf-8"))
dom = open(sys.argv[2], encoding="utf-8").read()
marks = set(re.findall(r'<mark id="u\d+" data-part="(\w+)" data-unit="(\d+)"', dom))
for key, part in (("results", "result"), ("shortcomings", "shortcoming"), ("directives", "directive")):
    for p in rec.get(key, []):
        if (part, str(p["unit"])) not in marks:
            sys.exit(f"{sys.argv[1]}: pick of unit {p['unit']} ({part}) not highlighted")
if re.search(r'(src|href)="(https?:)?//', dom):
    sys.exit(f"{sys.argv[2]}: a reference outside the page")
PY
  n=$((n + 1))
done
echo "50-html-chromium: $n pages checked in $(chromium --version)"
