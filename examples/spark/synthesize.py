#!/usr/bin/env python3
"""The synthesis step under PySpark: a map of per-document records, a reduce that clusters.

1. map: an RDD of {"id","text"} JSON lines (default the bundled corpus/*.txt) is piped, one
   tomtat process per partition, through `tomtat summarize --jsonl - -q`: each document
   becomes its record (metadata, key units, indicators), the per-document vectors' input;
2. reduce: the records are brought to one partition (`coalesce(1)`) and piped through
   `tomtat synthesize - --format json`, which builds the TF-IDF vectors of the key units and
   clusters them (inverted index on rare words, exact checks), lines up the indicators and
   the follow-up, holding only key units in memory;
3. check: the same records written to a file and given to `tomtat synthesize FILE.jsonl
   --format json` directly must give the same synthesis (compared as JSON). Prints OK and a
   one-line summary, or the difference and exits 1.

usage: synthesize.py [--tomtat BIN] [--corpus DIR] [--partitions N] [--master local[2]] [--local]

`--local` runs the same map and reduce with plain subprocesses, without Spark (for machines
without Java or PySpark). Run it like run_pipe.py (see README.md):
    /tmp/tomtat-spark-venv/bin/python examples/spark/synthesize.py --tomtat target/release/tomtat
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def summarize_cmd(tomtat):
    # tomtat exits 1 when some document failed (an error record is still written).
    return f"sh -c '{tomtat} summarize -q --jsonl -; test \"$?\" -le 1'"


def synthesize_cmd(tomtat):
    return f"sh -c '{tomtat} synthesize - --format json; test \"$?\" -le 1'"


def run(cmd, data):
    out = subprocess.run(["sh", "-c", cmd.split(" ", 2)[2][1:-1]], input=data.encode("utf-8"),
                         capture_output=True, check=False)
    if out.returncode != 0:
        sys.exit(f"{cmd} failed: {out.stderr.decode(errors='replace')}")
    return out.stdout.decode("utf-8")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tomtat", default=os.path.join(ROOT, "target", "release", "tomtat"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "corpus"))
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--local", action="store_true", help="no Spark: the same map and reduce with subprocesses")
    args = ap.parse_args(argv)
    tomtat = os.path.abspath(args.tomtat)
    if not os.access(tomtat, os.X_OK):
        sys.exit(f"{tomtat}: no tomtat binary (cargo build --release -p tomtat-cli)")
    files = sorted(glob.glob(os.path.join(args.corpus, "*.txt")))
    if not files:
        sys.exit(f"{args.corpus}: no .txt reports")
    lines = []
    for p in files:
        with open(p, encoding="utf-8") as f:
            lines.append(json.dumps({"id": os.path.basename(p), "text": f.read()}, ensure_ascii=False))

    t0 = time.time()
    if args.local:
        parts = [lines[i::args.partitions] for i in range(args.partitions)]
        records = []
        for part in parts:
            records += run(summarize_cmd(tomtat), "\n".join(part) + "\n").splitlines()
        records.sort(key=lambda r: json.loads(r)["id"])
        synthesis_text = run(synthesize_cmd(tomtat), "\n".join(records) + "\n")
        where = f"{args.partitions} subprocess partitions"
    else:
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.master(args.master).appName("tomtat-synthesize").getOrCreate()
        sc = spark.sparkContext
        sc.setLogLevel("ERROR")
        docs = sc.parallelize(lines, args.partitions)
        # map: one record (key units, indicators, metadata) per document
        recs = docs.pipe(summarize_cmd(tomtat)).filter(lambda l: l.strip())
        # reduce: one process clusters all records, in id order for a deterministic result
        ordered = recs.sortBy(lambda l: json.loads(l)["id"], numPartitions=1)
        synthesis_text = "\n".join(ordered.pipe(synthesize_cmd(tomtat)).collect())
        records = ordered.collect()
        spark.stop()
        where = f"{args.partitions} partitions on {args.master}"
    spent = time.time() - t0
    synthesis = json.loads(synthesis_text)

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "records.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(records) + "\n")
        out = subprocess.run([tomtat, "synthesize", path, "--format", "json"], capture_output=True, check=False)
        if out.returncode != 0:
            sys.exit(f"direct synthesize failed: {out.stderr.decode(errors='replace')}")
        direct = json.loads(out.stdout.decode("utf-8"))
    if synthesis != direct:
        diff = [k for k in direct if direct.get(k) != synthesis.get(k)]
        print(f"MISMATCH: fields differ: {', '.join(diff)}")
        return 1
    parts = {}
    for c in synthesis["clusters"]:
        parts[c["part"]] = parts.get(c["part"], 0) + 1
    print(f"OK: synthesis of {len(synthesis['documents'])} documents ({where}, {spent:.1f} s): "
          f"clusters {parts}, {len(synthesis['indicators'])} indicator series, "
          f"{len(synthesis['follow_up'])} follow-ups; equals the direct run")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
