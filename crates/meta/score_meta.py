#!/usr/bin/env python3
"""Score `meta` of `tomtat summarize --format jsonl` against the `.meta.json` gold of folders.

The issue's bar: `meta.level` equal to the gold `level`; `meta.province` equal to the gold
`province` once both drop "tỉnh"/"thành phố"/"TP", case, spaces and hyphens (a gold province
with a note, e.g. "Cần Thơ (venue)", counts by its first name; no province = empty).
Also reports kind and date (a gold "2024-07" matches "2024-07-..." and the reverse).

usage: python3 crates/meta/score_meta.py [--tomtat target/release/tomtat] [-v]
                                        [--min-level 0.85] [--min-province 0.80] DIR...
"""
import argparse, glob, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def norm_province(s):
    s = re.split(r"[;(/]", s or "")[0].strip().lower()
    for p in ("thành phố ", "tỉnh ", "tp. ", "tp "):
        if s.startswith(p):
            s = s[len(p):]
    return re.sub(r"[\s\-]", "", s)


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--tomtat", default=os.path.join(ROOT, "target", "release", "tomtat"))
    ap.add_argument("-v", action="store_true", help="print the misses")
    ap.add_argument("--min-level", type=float, default=0.0, help="exit 1 below this level accuracy")
    ap.add_argument("--min-province", type=float, default=0.0, help="exit 1 below this province accuracy")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args(argv)
    ok = True
    for d in a.dirs:
        out = subprocess.run([a.tomtat, "summarize", "-q", d, "--glob", "*.txt", "--format", "jsonl"],
                             capture_output=True, check=False)
        recs = {}
        for line in out.stdout.decode("utf-8").splitlines():
            r = json.loads(line)
            recs[r["id"]] = r.get("meta", {})
        n = lv = pv = kd = dt = dn = 0
        for g in sorted(glob.glob(os.path.join(d, "*.meta.json"))):
            doc = os.path.basename(g)[: -len(".meta.json")] + ".txt"
            if doc not in recs:
                continue
            gold = json.load(open(g, encoding="utf-8"))
            m = recs[doc]
            n += 1
            l_ok = (m.get("level") or "") == (gold.get("level") or "")
            p_ok = norm_province(m.get("province")) == norm_province(gold.get("province"))
            lv += l_ok
            pv += p_ok
            kd += (m.get("kind") or "") == (gold.get("kind") or "")
            if gold.get("date"):
                dn += 1
                md, gd = m.get("date") or "", str(gold["date"])
                dt += bool(md) and (md.startswith(gd) or gd.startswith(md))
            if a.v and not (l_ok and p_ok):
                print(f"  {doc}: level {m.get('level')}/{gold.get('level')} province {m.get('province')}/{gold.get('province')}")
        f = lambda x, y: x / y if y else 0.0
        ok = ok and n > 0 and f(lv, n) >= a.min_level and f(pv, n) >= a.min_province
        print(f"{d}: {n} documents  level {f(lv, n):.3f}  province {f(pv, n):.3f}  kind {f(kd, n):.3f}  date {f(dt, dn):.3f} (of {dn} dated)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
