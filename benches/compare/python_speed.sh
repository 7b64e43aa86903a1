#!/usr/bin/env bash
# In-process speed of the `tomtat` Python package against underthesea, pyvi and sumy LexRank
# (benches/compare/python_speed.py). Not part of CI.
#
# Makes (or reuses) a throw-away venv, installs underthesea, pyvi and sumy from PyPI and the
# package from this checkout (`pip install ./crates/python`: maturin builds it in release),
# then prints the Markdown tables for docs/benchmarks.md.
#
# usage: benches/compare/python_speed.sh [python_speed.py options: --runs N --size BYTES --json]
# env:   VENV  the venv (default /tmp/tomtat-compare-venv; reused when present)
#        SKIP_INSTALL=1  use the tomtat already installed in VENV
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=${VENV:-/tmp/tomtat-compare-venv}
if [ ! -x "$VENV/bin/python" ]; then
    echo "creating $VENV" >&2
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import sumy, underthesea, pyvi" 2> /dev/null; then
    "$VENV/bin/pip" install -q sumy underthesea pyvi >&2
fi
if [ -z "${SKIP_INSTALL:-}" ]; then
    "$VENV/bin/pip" install -q --force-reinstall --no-deps "$ROOT/crates/python" >&2
fi
exec "$VENV/bin/python" "$ROOT/benches/compare/python_speed.py" "$@"
