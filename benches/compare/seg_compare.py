#!/usr/bin/env python3
"""Segment a text file line by line with underthesea or pyvi, timing it.

usage: seg_compare.py {underthesea,pyvi} INPUT OUTPUT

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


def main():
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
