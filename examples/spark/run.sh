#!/usr/bin/env bash
# Set up a throw-away venv with PySpark and run run_pipe.py: tomtat under Spark's
# RDD.pipe in local mode, checked record by record against a direct run.
#
# usage: examples/spark/run.sh [run_pipe.py options]     (from anywhere)
# env:   VENV    venv folder (default /tmp/tomtat-spark-venv; reused when present)
#        TOMTAT  binary (default target/release/tomtat, built when missing)
# Needs Java 17 (or 11/21) on PATH and pip reaching PyPI. Run by CI as .ci/steps/50-spark.sh.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VENV=${VENV:-/tmp/tomtat-spark-venv}
TOMTAT=${TOMTAT:-$ROOT/target/release/tomtat}

command -v java > /dev/null || { echo "run.sh: Spark needs Java on PATH (e.g. openjdk-17-jre-headless)" >&2; exit 2; }
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import pyspark" 2> /dev/null; then
    "$VENV/bin/pip" install -q pyspark
fi
if [ ! -x "$TOMTAT" ]; then
    (cd "$ROOT" && cargo build --release -p tomtat-cli)
fi
exec "$VENV/bin/python" "$HERE/run_pipe.py" --tomtat "$TOMTAT" "$@"
