#!/usr/bin/env bash
# Word briefings: every .docx of the corpus batch opens with python-docx and holds the first
# pick of each part, and LibreOffice headless converts them to PDF without errors.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v libreoffice >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui >/dev/null
  fi
fi
if ! command -v libreoffice >/dev/null 2>&1; then
  echo "51-docx-libreoffice: skipped, libreoffice cannot be installed here (no apt-get or not root)"
  exit 0
fi

TOMTAT_REQUIRE_OFFICE=1 cargo test -q -p tomtat --test docx_office

cargo build -q --release -p tomtat-cli
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
target/release/tomtat summarize corpus --glob '*.txt' --format docx --out "$out/b" -q
target/release/tomtat summarize corpus/000.txt --format docx -o "$out/one.docx" -q
test -s "$out/one.docx"

python3 -m venv "$out/venv"
"$out/venv/bin/pip" install -q python-docx
"$out/venv/bin/python" - "$out/b" <<'PY'
import glob, json, os, re, sys
import docx
n = 0
for j in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    rec = json.load(open(j, encoding="utf-8"))
    d = docx.Document(j[:-5] + ".docx")
    text = "\n".join(p.text for p in d.paragraphs)
    text += "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    want = [l["text"] for l in rec.get("lead", [])[:1]]
    # a pick is listed without its own bullet (`- `, `• `), which the list draws again
    want += [re.sub(r"^\s*[-+•–—*·○▪]\s+", "", rec[k][0]["text"])
             for k in ("results", "shortcomings", "directives") if rec.get(k)]
    for w in want:
        w = "".join(" " if c in "\t\n\r" else c for c in w if c >= " " or c in "\t\n\r")
        if w not in text:
            sys.exit(f"{j}: {w[:60]!r} not in the .docx")
    if not any(p.style.name.startswith("Heading") for p in d.paragraphs):
        sys.exit(f"{j}: no heading styles")
    n += 1
print(f"51-docx-libreoffice: {n} .docx open with python-docx and hold the lead and first picks")
PY
libreoffice -env:UserInstallation="file://$out/profile" --headless --norestore \
  --convert-to pdf --outdir "$out/pdf" "$out"/b/*.docx > "$out/lo.log" 2>&1
docs=$(ls "$out"/b/*.docx | wc -l)
pdfs=$(ls "$out"/pdf/*.pdf | wc -l)
[ "$docs" = "$pdfs" ] || { cat "$out/lo.log"; echo "only $pdfs of $docs converted"; exit 1; }
echo "51-docx-libreoffice: $pdfs .docx converted to PDF by $(libreoffice --version | head -1)"
