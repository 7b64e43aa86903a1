#!/usr/bin/env bash
# The MSRV claim (workspace `rust-version`) is checked two ways, since only one toolchain is on
# the machine: every member inherits it (so clippy's `incompatible_msrv` lint, run with
# -D warnings, rejects std APIs newer than it), and no dependency in Cargo.lock declares a
# newer `rust-version` than ours.
set -euo pipefail
cargo metadata --format-version 1 --locked | python3 -c '
import json, sys
m = json.load(sys.stdin)
key = lambda v: tuple(int(x) for x in v.split("."))
members = set(m["workspace_members"])
ours = {p["rust_version"] for p in m["packages"] if p["id"] in members}
if len(ours) != 1 or None in ours:
    sys.exit("msrv: members disagree or do not inherit rust-version: %s" % ours)
msrv = ours.pop()
newer = ["%s %s needs %s" % (p["name"], p["version"], p["rust_version"]) for p in m["packages"]
         if p.get("rust_version") and key(p["rust_version"]) > key(msrv)]
if newer:
    sys.exit("msrv: dependencies newer than rust-version " + msrv + ": " + "; ".join(newer))
print("msrv: rust-version %s holds for %d members and %d dependencies"
      % (msrv, len(members), len(m["packages"]) - len(members)))
'
