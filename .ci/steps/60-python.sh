#!/usr/bin/env bash
# The Python package (crates/python, issue 17): `pip install ./crates/python` in a throw-away
# venv (pip fetches maturin from PyPI and builds the extension in release), then its pytest
# tests, which compare the Python results with the CLI's on corpus/ (and ../shared when present).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v python3 > /dev/null; then
    echo "python: skipped: no python3 on this machine"
    exit 0
fi
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 9))'; then
    echo "python: skipped: python3 is older than 3.9 ($(python3 --version 2>&1))"
    exit 0
fi
venv=$(mktemp -d /tmp/tomtat-ci-python.XXXXXX)
trap 'rm -rf "$venv"' EXIT
if ! python3 -m venv "$venv" > /dev/null 2>&1; then
    # Debian's python3 ships venv separately.
    if command -v apt-get > /dev/null && apt-get update -qq > /dev/null 2>&1 &&
        apt-get install -y -qq python3-venv > /dev/null 2>&1 && python3 -m venv "$venv"; then
        :
    else
        echo "python: skipped: python3 cannot create a virtual environment (python3-venv missing)"
        exit 0
    fi
fi
if ! "$venv/bin/pip" install -q pytest > /dev/null 2>&1; then
    echo "python: skipped: PyPI is not reachable (pip install pytest failed)"
    exit 0
fi

# The CLI the tests compare with (the same release build .ci/run uses for its main job).
cargo build -q --release -p tomtat-cli
"$venv/bin/pip" install -q ./crates/python

set +e
TOMTAT_CLI="$PWD/target/release/tomtat" TOMTAT_REQUIRE_CLI=1 \
    "$venv/bin/python" -m pytest -q -p no:cacheprovider crates/python/tests
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    echo "python: pytest collected no tests in crates/python/tests (exit 5): failing"
    exit 1
fi
exit "$rc"
