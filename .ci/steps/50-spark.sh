#!/usr/bin/env bash
# The Spark example (examples/spark): tomtat under PySpark's RDD.pipe in local mode, checked
# record by record against a direct run. Needs Java (11, 17 or 21) and PySpark from PyPI.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v java > /dev/null; then
  echo "spark example: skipped: no Java on PATH (apt-get install openjdk-17-jre-headless)"
  exit 0
fi
VENV=$(mktemp -d /tmp/tomtat-spark-venv.XXXXXX)
trap 'rm -rf "$VENV"' EXIT
if ! python3 -m venv "$VENV" > /dev/null 2>&1 || ! "$VENV/bin/pip" install -q pyspark > /dev/null 2>&1; then
  echo "spark example: skipped: pyspark could not be installed in a venv"
  exit 0
fi
cargo build --release -q -p tomtat-cli
VENV="$VENV" bash examples/spark/run.sh --partitions 4 --master 'local[2]'
