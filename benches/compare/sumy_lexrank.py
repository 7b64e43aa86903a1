#!/usr/bin/env python3
"""sumy's LexRank over Vietnamese reports, written in the `tomtat summarize` JSONL schema.

A baseline for `tomtat summarize --method lexrank`: sumy has no Vietnamese support, so
this script gives it a small tokenizer of its own:

  sentences  each line of the file is a paragraph; lines are split into sentences with
             `underthesea.sent_tokenize` (default) or a plain regex (`--sentences regex`:
             split after . ! ? … followed by a space and an upper-case letter, digit,
             quote or bracket);
  words      `underthesea.word_tokenize` (default; multi-syllable words such as
             `Ban Chấp hành` become one term), `pyvi.ViTokenizer` (`--words pyvi`) or plain
             syllables (`--words syllables`); terms are lower-cased and tokens without a
             letter (punctuation, numbers) are dropped, as sumy's own tokenizer does.

Selection mirrors tomtat's LexRank baseline (crates/scorer, `lexrank_baseline`): sumy's
LexRankSummarizer (threshold 0.1, power method) ranks the sentences of the whole document;
the best `budget` sentences are kept in document order and given a part by position:
sentence i of n goes to results when 3i < n, to shortcomings when 3i < 2n, else to
directives. The budget of a document is, with `--budget-from FILE` (a `tomtat summarize`
JSONL), the number of sentences tomtat picked for it, so both pick the same number;
without it, ceil(n / 3).

usage:
  sumy_lexrank.py [--words underthesea|pyvi|syllables] [--sentences underthesea|regex]
                  [--budget-from TOMTAT.jsonl] [--out OUT.jsonl] FILE...
  sumy_lexrank.py --bench N [--words ...] FILE...   # throughput: median of N passes

`--bench` times reading, tokenizing, ranking and serializing every file in-process, after
the imports and one warm-up pass (underthesea loads its model on first use), and prints
one JSON object {"runs","seconds","median_s","bytes","docs","mb_s","docs_s"}.
"""
import argparse
import json
import math
import os
import re
import statistics
import sys
import time

from sumy.models.dom import Sentence
from sumy.summarizers.lex_rank import LexRankSummarizer

SENT_RE = re.compile(r"(?<=[.!?…])\s+(?=[\"“'(\[0-9A-ZÀ-ỸĐ])")


class VietnameseTokenizer:
    """A sumy tokenizer (the duck type sumy's parsers and Sentence use) for Vietnamese."""

    language = "vietnamese"

    def __init__(self, words="underthesea", sentences="underthesea"):
        self.words = words
        self.sentences = sentences
        if words == "underthesea" or sentences == "underthesea":
            import underthesea

            self._uts = underthesea
        if words == "pyvi":
            from pyvi import ViTokenizer

            self._pyvi = ViTokenizer

    def to_sentences(self, paragraph):
        paragraph = paragraph.strip()
        if not paragraph:
            return ()
        if self.sentences == "underthesea":
            parts = self._uts.sent_tokenize(paragraph)
        else:
            parts = SENT_RE.split(paragraph)
        return tuple(s.strip() for s in parts if s.strip())

    def to_words(self, sentence):
        if self.words == "underthesea":
            tokens = [w.replace(" ", "_") for w in self._uts.word_tokenize(sentence)]
        elif self.words == "pyvi":
            tokens = self._pyvi.tokenize(sentence).split()
        else:
            tokens = re.findall(r"\w+", sentence)
        return tuple(t.lower() for t in tokens if any(c.isalpha() for c in t))


def split_document(text, tokenizer):
    """Sentences of `text` with their source byte ranges: [(sentence_text, start, end)]."""
    out = []
    line_start = 0
    for line in text.splitlines(keepends=True):
        cursor = 0
        for s in tokenizer.to_sentences(line):
            at = line.find(s, cursor)
            if at < 0:  # the splitter changed the text: fall back to the cursor
                at = cursor
            start = line_start + len(line[:at].encode("utf-8"))
            out.append((s, start, start + len(s.encode("utf-8"))))
            cursor = at + len(s) if at >= cursor else cursor
        line_start += len(line.encode("utf-8"))
    return out


def doc_key(doc_id):
    base = os.path.basename(str(doc_id))
    return base.rsplit(".", 1)[0] if "." in base else base


def load_budgets(path):
    budgets = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                if "error" not in d:
                    n = sum(len(d.get(p) or []) for p in ("results", "shortcomings", "directives"))
                    budgets[doc_key(d["id"])] = n
    return budgets


def summarize(path, tokenizer, summarizer, budgets):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    doc_id = os.path.basename(path)
    sents = split_document(text, tokenizer)
    n = len(sents)
    record = {"id": doc_id, "source": path, "units": n,
              "results": [], "shortcomings": [], "directives": [],
              "indicators": [], "tasks": []}
    if n == 0:
        return record
    budget = budgets.get(doc_key(doc_id)) if budgets is not None else None
    if budget is None:
        budget = math.ceil(n / 3)
    objs = [Sentence(s, tokenizer) for s, _, _ in sents]
    # the ranking, as sumy's LexRankSummarizer.__call__ computes it, kept with its scores
    words = [summarizer._to_words_set(s) for s in objs]
    tf = summarizer._compute_tf(words)
    idf = summarizer._compute_idf(words)
    matrix = summarizer._create_matrix(words, summarizer.threshold, tf, idf)
    scores = summarizer.power_method(matrix, summarizer.epsilon)
    ranked = sorted(range(n), key=lambda i: (-scores[i], i))
    keep = sorted(ranked[:budget])
    rank_of = {i: r for r, i in enumerate(ranked)}
    for i in keep:
        s, start, end = sents[i]
        part = "results" if 3 * i < n else "shortcomings" if 3 * i < 2 * n else "directives"
        record[part].append({
            "text": s, "start": start, "end": end, "unit": i,
            "score": round(float(scores[i]), 6),
            "why": [f"sumy lexrank {float(scores[i]):.3f} (rank {rank_of[i] + 1}/{n})"],
        })
    return record


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--words", choices=["underthesea", "pyvi", "syllables"], default="underthesea")
    ap.add_argument("--sentences", choices=["underthesea", "regex"], default="underthesea")
    ap.add_argument("--budget-from", metavar="TOMTAT_JSONL")
    ap.add_argument("--out", metavar="FILE", help="JSONL output (default stdout)")
    ap.add_argument("--bench", type=int, metavar="N", help="time N passes, print throughput")
    args = ap.parse_args(argv)

    tokenizer = VietnameseTokenizer(args.words, args.sentences)
    summarizer = LexRankSummarizer()
    budgets = load_budgets(args.budget_from) if args.budget_from else None
    files = sorted(args.files)

    if args.bench:
        size = sum(os.path.getsize(p) for p in files)
        sink = open(os.devnull, "w", encoding="utf-8")
        for p in files[:3]:  # warm-up: model loading is not throughput
            summarize(p, tokenizer, summarizer, budgets)
        times = []
        for _ in range(args.bench):
            t0 = time.perf_counter()
            for p in files:
                sink.write(json.dumps(summarize(p, tokenizer, summarizer, budgets),
                                      ensure_ascii=False) + "\n")
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        print(json.dumps({"runs": args.bench, "seconds": [round(t, 4) for t in times],
                          "median_s": round(med, 4), "bytes": size, "docs": len(files),
                          "mb_s": round(size / 1e6 / med, 4), "docs_s": round(len(files) / med, 2)}))
        return 0

    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for p in files:
        try:
            rec = summarize(p, tokenizer, summarizer, budgets)
        except Exception as e:  # one bad file never stops the batch
            rec = {"id": os.path.basename(p), "source": p, "error": f"{type(e).__name__}: {e}"}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
