#!/usr/bin/env python3
"""Build sentence-openers.txt: capitalized Vietnamese syllables that open sentences and
almost never stand capitalized inside one (so are not the first syllable of a name).

usage: python3 crates/splitter/models/build_openers.py ../shared/data > crates/splitter/models/sentence-openers.txt

Counts, for every capitalized word (first letter upper case, not all capitals): `start`,
how often it opens a sentence (first word of a line of the UD Vietnamese VTB treebank train
and dev splits, or
first word of a paragraph or after a word ending in `.`, `!`, `?` in the Vietnamese
Wikipedia articles 250-499 of viwiki-lead/dev.jsonl), and `mid`, how often it follows a
lower-case word with no punctuation between (where a capital is a name). Kept: Vietnamese
syllables with start >= 5 and mid * 20 <= start. Articles 0-249 of viwiki-lead/dev.jsonl and
the VTB test split are left out so that false cuts on clean text can be measured on them.
"""
import collections
import json
import os
import sys
import unicodedata

ONSETS = ["NGH", "CH", "GH", "GI", "KH", "NG", "NH", "PH", "QU", "TH", "TR", "B", "C", "D",
          "Đ", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "V", "X"]
CODAS = ["", "C", "CH", "M", "N", "NG", "NH", "P", "T"]
VOWELS = set("AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ")


def syllable(w):
    """A Vietnamese syllable (the splitter's caps_syllable test, on the upper-cased word)."""
    u = w.upper()
    if not u.isalpha():
        return False
    for o in ONSETS:
        if u.startswith(o):
            u = u[len(o):]
            break
    n = 0
    while n < len(u) and u[n] in VOWELS:
        n += 1
    return 0 < n <= 3 and u[n:] in CODAS


def is_cap(w):
    return w[:1].isupper() and not w.isupper()


def main(data):
    start, mid = collections.Counter(), collections.Counter()

    def feed(words, starts):
        for i, w in enumerate(words):
            w = unicodedata.normalize("NFC", w)
            if not w[:1].isalpha() or not is_cap(w):
                continue
            p = words[i - 1] if i else ""
            if i == 0 or starts and p[-1:] in ".!?":
                start[w] += 1
            elif p[-1:].isalpha() and p[-1:].islower():
                mid[w] += 1

    # (the VTB test split is left out: tests/corpora.rs measures on it)
    for part in ["train", "dev"]:
        path = os.path.join(data, "ud-vi-vtb", f"vi_vtb-ud-{part}.raw.txt")
        with open(path, encoding="utf-8") as f:
            for line in f:
                feed(line.split(), False)
    with open(os.path.join(data, "viwiki-lead", "dev.jsonl"), encoding="utf-8") as f:
        arts = [json.loads(line) for line in f if line.strip()]
    for a in arts[250:500]:
        for text in (a["text"], a.get("summary", "")):
            for para in text.split("\n"):
                feed(para.split(), True)
    keep = sorted(w for w in start if start[w] >= 5 and mid[w] * 20 <= start[w] and syllable(w))
    print("# tomtat sentence openers, version 1")
    print("#")
    print("# Capitalized syllables that open sentences and almost never stand capitalized after a")
    print("# lower-case word inside one. Built by crates/splitter/models/build_openers.py from")
    print("# ../shared/data/ud-vi-vtb train+dev (CC BY-SA 4.0) and Vietnamese Wikipedia text in")
    print("# ../shared/data/viwiki-lead (CC BY-SA 3.0): CC BY-SA, see models/README.md.")
    print("# Format: `syllable  start mid` (the counts are kept for review; the splitter reads the")
    print("# first field).")
    print()
    print("[opener]")
    for w in keep:
        print(f"{w}  # {start[w]} {mid[w]}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
