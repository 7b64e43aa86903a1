#!/usr/bin/env python3
"""Run `tomtat summarize` under PySpark (local mode) through `RDD.pipe`, and check it.

Builds an RDD of {"id","text"} JSON lines from the reports of a folder (default the
bundled corpus/*.txt), pipes each partition through `tomtat summarize --jsonl - -q`,
collects the records, and compares them, document by document (by id, after sorting, in
every field but "source", which is `stdin:N` under the pipe),
with a direct run of `tomtat summarize --jsonl corpus.jsonl` on the same lines, and
checks that this direct run equals `tomtat summarize FILES` (tomtat reading the files
itself) in every field but "source". Prints OK, or the differences and exits 1.

`RDD.pipe` starts one tomtat process per partition and feeds it the whole partition on
stdin; tomtat answers one line per input line, so the partition count sets how many
processes run and `--jobs` (default: all cores) how many threads each of them uses.

usage: run_pipe.py [--tomtat BIN] [--corpus DIR] [--partitions N] [--master local[2]]
                   [--jobs N]
"""
import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def direct_run(cmd, jsonl_path):
    out = subprocess.run(cmd + ["--jsonl", jsonl_path], check=False, capture_output=True)
    if out.returncode not in (0, 1):  # 1: some documents failed, still one record each
        sys.exit(f"direct run failed ({out.returncode}): {out.stderr.decode(errors='replace')}")
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line.strip()]


def by_id(records):
    table = {}
    for r in records:
        table.setdefault(r["id"], []).append(r)
    return table


def compare(spark_records, direct_records):
    """The differences between two record lists, as printable lines (empty when equal)."""
    problems = []
    a, b = by_id(spark_records), by_id(direct_records)
    for doc_id in sorted(set(a) | set(b)):
        ra, rb = a.get(doc_id, []), b.get(doc_id, [])
        if len(ra) != len(rb):
            problems.append(f"{doc_id}: {len(ra)} record(s) from Spark, {len(rb)} from the direct run")
            continue
        for x, y in zip(ra, rb):
            if x != y:
                keys = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
                problems.append(f"{doc_id}: fields differ: {', '.join(keys)}")
    return problems


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tomtat", default=os.path.join(ROOT, "target", "release", "tomtat"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "corpus"))
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--jobs", type=int, help="tomtat --jobs inside each piped process")
    args = ap.parse_args(argv)

    if not os.access(args.tomtat, os.X_OK):
        sys.exit(f"{args.tomtat}: no tomtat binary (cargo build --release -p tomtat-cli)")
    files = sorted(glob.glob(os.path.join(args.corpus, "*.txt")))
    if not files:
        sys.exit(f"{args.corpus}: no .txt reports")
    lines = []
    for p in files:
        with open(p, encoding="utf-8") as f:
            lines.append(json.dumps({"id": os.path.basename(p), "text": f.read()}, ensure_ascii=False))

    cmd = [os.path.abspath(args.tomtat), "summarize", "-q"]
    if args.jobs:
        cmd += ["--jobs", str(args.jobs)]
    tmp = tempfile.mkdtemp(prefix="tomtat-spark-")
    corpus_jsonl = os.path.join(tmp, "corpus.jsonl")
    with open(corpus_jsonl, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    direct = direct_run(cmd, corpus_jsonl)
    # the same files read by tomtat itself: equal records but for "source" (the path)
    from_files = subprocess.run(cmd + files, check=False, capture_output=True)
    file_records = [json.loads(x) for x in from_files.stdout.decode("utf-8").splitlines() if x.strip()]

    # Spark in local mode: the workers are threads of this machine, the Python workers use
    # this interpreter, and nothing listens beyond the loopback address.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(args.master).appName("tomtat-pipe")
             .config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        t0 = time.perf_counter()
        rdd = spark.sparkContext.parallelize(lines, args.partitions)
        # tomtat exits 1 when some document failed: those are error records in the output,
        # not a failed task, so only an exit status above 1 fails the partition
        inner = " ".join(shlex.quote(c) for c in cmd + ["--jsonl", "-"]) + '; test "$?" -le 1'
        piped = rdd.pipe("sh -c " + shlex.quote(inner), checkCode=True)
        out = piped.collect()
        seconds = time.perf_counter() - t0
    finally:
        spark.stop()
    spark_records = [json.loads(line) for line in out if line.strip()]

    # "source" names where a record came from: `stdin:N` (the line within the partition's
    # pipe) under Spark, `corpus.jsonl:N` in the direct run, the path for files. It differs by
    # design, so records are compared in every other field, and the Spark sources are checked.
    strip = lambda rs: [{k: v for k, v in r.items() if k != "source"} for r in rs]  # noqa: E731
    problems = compare(strip(spark_records), strip(direct))
    problems += [f"{r['id']}: source {r.get('source')!r} is not stdin:N"
                 for r in spark_records if not str(r.get("source", "")).startswith("stdin:")]
    problems += ["--jsonl against file input: " + p for p in compare(strip(direct), strip(file_records))]
    if len(direct) != len(files):
        problems.append(f"the direct run gave {len(direct)} records for {len(files)} documents")
    errors = sum(1 for r in spark_records if "error" in r)
    if problems:
        print(f"MISMATCH: {len(problems)} difference(s) between Spark and the direct run")
        for p in problems[:50]:
            print("  " + p)
        return 1
    print(f"OK: {len(spark_records)} records from {args.partitions} partitions on {args.master} "
          f"equal the direct run record by record ({errors} error records; "
          f"Spark job {seconds:.1f} s) but for \"source\" (stdin:N there); the direct run "
          f"equals tomtat reading the files but for \"source\"")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
