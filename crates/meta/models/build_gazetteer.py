#!/usr/bin/env python3
"""Build crates/meta/models/gazetteer.tsv from ../shared/data/vn-admin-units (MIT).

Usage (from the workspace root):
    python3 crates/meta/models/build_gazetteer.py ../shared/data/vn-admin-units > crates/meta/models/gazetteer.tsv

Output: one unit a line, tab-separated, sorted, deterministic:
    P  <code> <name> <type> <system 2024|2025> <code of the 2025 province it went into>
    D  <name> <type> <province code 2024> <province code 2025>        (2024 districts + retired ones)
    C  <name> <type> <province code 2024> <province code 2025>        (2024 communes + retired ones)
    N  <name> <type> <province code 2025>                             (2025 communes)
Identical lines are merged; no other processing.
"""
import csv, sys, unicodedata, os

root = sys.argv[1]
def rows(name):
    with open(os.path.join(root, name), encoding="utf-8") as f:
        yield from csv.DictReader(f)

nfc = lambda s: unicodedata.normalize("NFC", s.strip())
new_of = {r["old_code"]: r["new_code"] for r in rows("old_to_new_provinces.csv")}
out = set()
for r in rows("provinces_2024.csv"):
    out.add(("P", r["code"], nfc(r["name"]), r["type"], "2024", new_of[r["code"]]))
for r in rows("provinces_2025.csv"):
    out.add(("P", r["code"], nfc(r["name"]), r["type"], "2025", r["code"]))
for r in rows("districts_2024.csv"):
    p = r["parent_code"]
    out.add(("D", nfc(r["name"]), r["type"], p, new_of[p]))
for r in rows("communes_2024.csv"):
    p = r["province_code"]
    out.add(("C", nfc(r["name"]), r["type"], p, new_of[p]))
for r in rows("former_units_2021_2025.csv"):
    p = r["province_code"]
    if p not in new_of:
        continue
    kind = "D" if r["level"] == "district" else "C"
    out.add((kind, nfc(r["name"]), r["type"], p, new_of[p]))
for r in rows("communes_2025.csv"):
    out.add(("N", nfc(r["name"]), r["type"], r["parent_code"]))
order = {"P": 0, "D": 1, "C": 2, "N": 3}
w = sys.stdout
w.write("# tomtat-meta gazetteer, built by crates/meta/models/build_gazetteer.py from vn-admin-units (MIT); see README.md\n")
for t in sorted(out, key=lambda t: (order[t[0]], t)):
    w.write("\t".join(t) + "\n")
