#!/usr/bin/env python3
"""Segment a text file line by line with underthesea or pyvi, timing it.

usage: seg_compare.py {underthesea,pyvi} INPUT OUTPUT
       seg_compare.py errors GOLD SYSTEM LEXICON...

`errors` counts the error spans of SYSTEM against GOLD (both `_`-joined, one sentence a
line): each maximal span where the two segmentations differ, as under-merging (gold words
split), over-merging (system words crossing gold boundaries) or other, with the kinds of
the gold words in it (two syllables, three or more, capitalised names, i/y spelling
variants, `-hoá` derivations) and whether a gold word in it is absent from the LEXICON
files (the training data, `_`-joined: its multi-syllable words).

Writes one output line per input line (words `_`-joined, separated by spaces) and
prints `seconds bytes` of the segmentation alone (imports and model loading are
excluded: the first call is made before the clock starts).
"""
import sys
import time


def segmenter(name):
    if name == "underthesea":
        from underthesea import word_tokenize

        return lambda s: word_tokenize(s, format="text")
    if name == "pyvi":
        from pyvi import ViTokenizer

        return ViTokenizer.tokenize
    sys.exit(f"unknown system {name}")


def fold_iy(word):
    """Lower-case, NFC, a final `y` after a consonant spelled `i` (`lý` = `lí`)."""
    import unicodedata

    out = []
    for syl in unicodedata.normalize("NFD", word.lower()).split("_"):
        base = "".join(c for c in syl if c not in "\u0300\u0301\u0303\u0309\u0323")
        if len(base) >= 2 and base[-1] == "y" and base[-2] in "bcdđghklmnpqrstvx":
            tones = [c for c in syl if c in "\u0300\u0301\u0303\u0309\u0323"]
            syl = base[:-1] + "i" + "".join(tones)
        out.append(unicodedata.normalize("NFC", syl))
    return "_".join(out)


def errors(gold_path, sys_path, lexicon_paths):
    import collections
    import unicodedata

    lex = set()
    for p in lexicon_paths:
        for line in open(p, encoding="utf-8"):
            lex.update(w.lower() for w in line.split() if "_" in w)
    lex_iy = {fold_iy(w) for w in lex}

    def words(line):
        out, pos = [], 0
        for w in line.split():
            n = len(unicodedata.normalize("NFC", w.replace("_", "")))
            if n:
                out.append((pos, pos + n, w))
                pos += n
        return out

    counts = collections.Counter()
    n_spans = 0
    for g, s in zip(open(gold_path, encoding="utf-8"), open(sys_path, encoding="utf-8")):
        gw, sw = words(g), words(s)
        gset = {(a, b) for a, b, _ in gw}
        sset = {(a, b) for a, b, _ in sw}
        bad_g = [w for w in gw if (w[0], w[1]) not in sset]
        bad_s = [w for w in sw if (w[0], w[1]) not in gset]
        # group wrong words of both sides into maximal overlapping spans
        items = sorted([(a, b, w, "g") for a, b, w in bad_g] + [(a, b, w, "s") for a, b, w in bad_s])
        spans, cur = [], None
        for a, b, w, side in items:
            if cur and a < cur[1]:
                cur[1] = max(cur[1], b)
                cur[2].append((w, side))
            else:
                cur = [a, b, [(w, side)]]
                spans.append(cur)
        for _, _, ws in spans:
            n_spans += 1
            gws = [w for w, side in ws if side == "g"]
            sws = [w for w, side in ws if side == "s"]
            if len(sws) > len(gws):
                counts["under-merged (gold words split)"] += 1
            elif len(sws) < len(gws):
                counts["over-merged"] += 1
            else:
                counts["other (boundary moved)"] += 1
            multi = [w for w in gws if "_" in w]
            if any(w.lower() not in lex for w in multi):
                counts["gold word absent from the lexicon"] += 1
            if any(w.count("_") == 1 for w in multi):
                counts["kind: two-syllable word"] += 1
            if any(w.count("_") >= 2 for w in multi):
                counts["kind: three syllables or more"] += 1
            if any(w[:1].isupper() and all(p[:1].isupper() for p in w.split("_")) for w in multi):
                counts["kind: capitalised name"] += 1
            if any(w.lower() not in lex and fold_iy(w) in lex_iy for w in multi):
                counts["kind: i/y spelling variant of a lexicon word"] += 1
            if any(fold_iy(w).endswith(("_hoá", "_hóa")) for w in multi):
                counts["kind: -hoá derivation"] += 1
    print(f"error spans: {n_spans}")
    for k, v in sorted(counts.items()):
        print(f"  {k}: {v} ({v / max(n_spans, 1):.1%})")


def main():
    if sys.argv[1:2] == ["errors"]:
        errors(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    name, inp, outp = sys.argv[1:4]
    seg = segmenter(name)
    seg("Khởi động mô hình .")  # load models before timing
    lines = open(inp, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    t0 = time.perf_counter()
    out = [seg(line) if line.strip() else "" for line in lines]
    dt = time.perf_counter() - t0
    with open(outp, "w", encoding="utf-8") as f:
        for line in out:
            f.write(line.strip() + "\n")
    print(f"{dt:.4f} {sum(len(l.encode('utf-8')) + 1 for l in lines)}")


if __name__ == "__main__":
    main()
