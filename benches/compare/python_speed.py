#!/usr/bin/env python3
"""In-process speed of the `tomtat` Python package against underthesea, pyvi and sumy.

All systems run in this one Python process, on the same text, after their imports and a
warm-up call (model loading is not throughput); each figure is the median of RUNS runs
(segmentation runs interleaved: one run of each system in turn).

  word segmentation  the bundled corpus/*.txt concatenated and repeated to SIZE bytes (2 MB):
                     tomtat.word_tokenize on the whole text in one call, and line by line
                     (one call per line, as the others are called); pyvi.ViTokenizer.tokenize
                     and underthesea.word_tokenize(format="text") line by line.
  summarization      the corpus/ documents one by one: tomtat.summarize (text in, dict out),
                     tomtat.summarize_many (jobs 1 and all cores) and sumy's LexRank with
                     underthesea or pyvi words (benches/compare/sumy_lexrank.py, record out).

usage: python_speed.py [--runs N] [--size BYTES] [--skip underthesea,pyvi,sumy] [--json]
Prints Markdown tables (or one JSON object with --json). Not part of CI: run
benches/compare/python_speed.sh, which makes the throw-away venv.
"""
import argparse
import json
import os
import pathlib
import platform
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def version(module):
    try:
        from importlib.metadata import version as v

        return v(module)
    except Exception:
        return "?"


def segmentation_rows(text, runs, skip):
    """Runs are interleaved (one run of each system in turn), so a change in the machine's load
    during the measurement touches every system alike."""
    import tomtat

    lines = text.split("\n")
    size = len(text.encode("utf-8"))
    v = tomtat.__version__
    systems = [  # (name, call, words of the output)
        (f"tomtat {v} `word_tokenize(text)` (one call)", lambda: tomtat.word_tokenize(text), len),
        (f"tomtat {v} `word_tokenize(text, format=\"text\")` (one call)",
         lambda: tomtat.word_tokenize(text, format="text"), lambda out: len(out.split())),
        (f"tomtat {v} `word_tokenize(line, format=\"text\")` per line",
         lambda: [tomtat.word_tokenize(line, format="text") for line in lines],
         lambda out: sum(len(x.split()) for x in out)),
    ]
    if "pyvi" not in skip:
        from pyvi import ViTokenizer

        systems.append((f"pyvi {version('pyvi')} `ViTokenizer.tokenize(line)`",
                        lambda: [ViTokenizer.tokenize(line) for line in lines if line.strip()],
                        lambda out: sum(len(x.split()) for x in out)))
    if "underthesea" not in skip:
        from underthesea import word_tokenize

        systems.append((f"underthesea {version('underthesea')} `word_tokenize(line, format=\"text\")`",
                        lambda: [word_tokenize(line, format="text") for line in lines if line.strip()],
                        lambda out: sum(len(x.split()) for x in out)))
    words = {}
    for name, call, count in systems:  # warm-up (models load), and the word counts
        words[name] = count(call())
    times = {name: [] for name, _, _ in systems}
    for _ in range(runs):
        for name, call, _ in systems:
            t0 = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - t0)
    rows = []
    for name, _, _ in systems:
        seconds = statistics.median(times[name])
        rows.append({"system": name, "seconds": round(seconds, 4), "runs": [round(t, 4) for t in times[name]],
                     "bytes": size, "mb_s": round(size / 1e6 / seconds, 3), "words": words[name]})
    return rows


def summarization_rows(files, runs, skip):
    import tomtat

    texts = [p.read_text(encoding="utf-8") for p in files]
    size = sum(len(t.encode("utf-8")) for t in texts)
    cores = os.cpu_count() or 1
    rows = []

    def add(name, jobs, seconds, times):
        rows.append({"system": name, "jobs": jobs, "seconds": round(seconds, 4),
                     "runs": [round(t, 4) for t in times], "bytes": size, "docs": len(texts),
                     "mb_s": round(size / 1e6 / seconds, 3), "docs_s": round(len(texts) / seconds, 1)})

    for t in texts[:3]:
        tomtat.summarize(t)
    s, t = median_time(lambda: [tomtat.summarize(x) for x in texts], runs)
    add(f"tomtat {tomtat.__version__} `summarize(text)` per document", 1, s, t)
    for jobs in sorted({1, cores}):
        s, t = median_time(lambda: list(tomtat.summarize_many(texts, jobs=jobs)), runs)
        add(f"tomtat {tomtat.__version__} `summarize_many(texts, jobs={jobs})`", jobs, s, t)
    if "sumy" not in skip:
        sys.path.insert(0, str(HERE))
        import sumy_lexrank
        from sumy.summarizers.lex_rank import LexRankSummarizer

        for words in ("underthesea", "pyvi"):
            if words in skip:
                continue
            tok = sumy_lexrank.VietnameseTokenizer(words, "underthesea")
            summ = LexRankSummarizer()
            paths = [str(p) for p in files]
            for p in paths[:3]:
                sumy_lexrank.summarize(p, tok, summ, None)
            s, t = median_time(lambda: [sumy_lexrank.summarize(p, tok, summ, None) for p in paths], runs)
            add(f"sumy {version('sumy')} LexRank + {words} words", 1, s, t)
    return rows


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", type=int, default=2_000_000, help="bytes of text to segment")
    ap.add_argument("--skip", default="", help="comma-separated: underthesea,pyvi,sumy")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))

    files = sorted((ROOT / "corpus").glob("*.txt"))
    corpus = "\n".join(p.read_text(encoding="utf-8").rstrip("\n") for p in files) + "\n"
    text = corpus
    while len(text.encode("utf-8")) < args.size:
        text += corpus
    # cut at the first line end past SIZE bytes
    cut = text.encode("utf-8")[: args.size].decode("utf-8", "ignore")
    text = cut + text[len(cut):].split("\n", 1)[0] + "\n"

    env = {"python": platform.python_version(), "cores": os.cpu_count(),
           "load_before": os.getloadavg()[:3] if hasattr(os, "getloadavg") else None}
    seg = segmentation_rows(text, args.runs, skip)
    summ = summarization_rows(files, args.runs, skip)
    env["load_after"] = os.getloadavg()[:3] if hasattr(os, "getloadavg") else None
    if args.json:
        print(json.dumps({"env": env, "segmentation": seg, "summarization": summ}, ensure_ascii=False))
        return 0
    pyvi = next((r for r in seg if r["system"].startswith("pyvi")), None)
    print(f"Word segmentation, in-process: {seg[0]['bytes']:,} bytes (corpus/ repeated), median of "
          f"{args.runs} runs, Python {env['python']}, load average before {env['load_before']}")
    print()
    print("| system | seconds | MB/s | words | × pyvi |")
    print("|---|---:|---:|---:|---:|")
    for r in seg:
        times = f"{pyvi['seconds'] / r['seconds']:.1f}×" if pyvi else ""
        print(f"| {r['system']} | {r['seconds']:.3f} | {r['mb_s']:.2f} | {r['words']:,} | {times} |")
    print()
    print(f"Summarization, in-process: corpus/*.txt ({summ[0]['docs']} reports, {summ[0]['bytes']:,} bytes), "
          f"median of {args.runs} runs, {env['cores']} cores")
    print()
    print("| system | jobs | seconds | MB/s | docs/s |")
    print("|---|---:|---:|---:|---:|")
    for r in summ:
        print(f"| {r['system']} | {r['jobs']} | {r['seconds']:.3f} | {r['mb_s']:.2f} | {r['docs_s']:.1f} |")
    print()
    print(f"load average after: {env['load_after']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
