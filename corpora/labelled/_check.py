#!/usr/bin/env python3
"""Validate every corpora/labelled/*.jsonl line and print corpus statistics.

Checks: valid JSON object per line; required keys (id, lang, text, labels, source); lang in {en, ru} and matching the
file prefix; labels has exactly the three framings with values 0 or 1; ids unique across the folder and shaped
<lang>-<register>-NNNN (<file stem>-NNNN in the *-long-* files); source of the form own:<register>; non-empty text. Exits 1 on any error, listing file:line and
how to fix it. Usage: python3 corpora/labelled/_check.py [DIR]   (DIR defaults to this script's folder)
"""
import collections
import glob
import json
import os
import re
import sys

FRAMINGS = ("sovereignty", "non_aggression", "anti_western_media")
REQUIRED = ("id", "lang", "text", "labels", "source")
ALLOWED = set(REQUIRED) | {"note"}


def main() -> int:
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    files = sorted(glob.glob(os.path.join(folder, "*.jsonl")))
    if not files:
        print(f"error: no *.jsonl files in {folder}", file=sys.stderr)
        return 1
    errors = []
    seen_ids = {}
    rows = []
    for path in files:
        stem = os.path.basename(path)[: -len(".jsonl")]
        lang_prefix = stem.split("-", 1)[0]
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                where = f"{os.path.basename(path)}:{lineno}"
                if not line.strip():
                    errors.append(f"{where}: empty line (remove it)")
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}:{e.colno}: invalid JSON ({e.msg}); fix the quoting/escaping")
                    continue
                if not isinstance(obj, dict):
                    errors.append(f"{where}: line is not a JSON object")
                    continue
                missing = [k for k in REQUIRED if k not in obj]
                if missing:
                    errors.append(f"{where}: missing key(s) {missing}; every line needs {list(REQUIRED)}")
                    continue
                extra = sorted(set(obj) - ALLOWED)
                if extra:
                    errors.append(f"{where}: unexpected key(s) {extra}; allowed: {sorted(ALLOWED)}")
                pid = obj["id"]
                # Older Russian files name ids by register (ru-news-NNNN in ru-novosti.jsonl); the long files must
                # use their own file stem so that appending never collides.
                id_shape = re.escape(stem) if "-long-" in stem else re.escape(lang_prefix) + r"-[a-z][a-z-]*"
                if not isinstance(pid, str) or not re.fullmatch(id_shape + r"-\d{4}", pid):
                    errors.append(f"{where}: id {pid!r} should look like '{stem if '-long-' in stem else lang_prefix + '-<register>'}-NNNN'")
                if pid in seen_ids:
                    errors.append(f"{where}: duplicate id {pid!r} (first at {seen_ids[pid]}); use the next free number")
                else:
                    seen_ids[pid] = where
                if obj["lang"] not in ("en", "ru"):
                    errors.append(f"{where}: lang {obj['lang']!r} must be 'en' or 'ru'")
                elif obj["lang"] != lang_prefix:
                    errors.append(f"{where}: lang {obj['lang']!r} does not match file prefix {lang_prefix!r}")
                if not isinstance(obj["text"], str) or not obj["text"].strip():
                    errors.append(f"{where}: text must be a non-empty string")
                labels = obj["labels"]
                if not isinstance(labels, dict) or set(labels) != set(FRAMINGS):
                    errors.append(f"{where}: labels must have exactly the keys {list(FRAMINGS)}")
                    continue
                bad = {k: v for k, v in labels.items() if v not in (0, 1) or isinstance(v, bool)}
                if bad:
                    errors.append(f"{where}: label values must be integers 0 or 1, got {bad}")
                    continue
                src = obj["source"]
                if not isinstance(src, str) or not re.fullmatch(r"own:[a-z][a-z-]*", src):
                    errors.append(f"{where}: source {src!r} must look like 'own:<register>'")
                if "note" in obj and not isinstance(obj["note"], str):
                    errors.append(f"{where}: note must be a string")
                rows.append((os.path.basename(path), obj))
    report(rows)
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print(f"\nOK: {len(rows)} passages in {len(files)} files, ids unique")
    return 0


def report(rows):
    def stats(subset):
        c = collections.Counter()
        for _, o in subset:
            n = sum(o["labels"].values())
            c["total"] += 1
            c["none"] += n == 0
            c["multi"] += n > 1
            for k in FRAMINGS:
                c[k] += o["labels"][k]
        return c

    def words(subset):
        w = sorted(len(o["text"].split()) for _, o in subset)
        if not w:
            return "-"
        return f"words min {w[0]} median {w[len(w) // 2]} mean {sum(w) / len(w):.0f} max {w[-1]}"

    print(f"{'group':<28}{'total':>6}{'sov':>6}{'non':>6}{'awm':>6}{'multi':>6}{'none':>6}  length")
    groups = [("all", rows)]
    for lang in ("en", "ru"):
        groups.append((lang, [r for r in rows if r[1]["lang"] == lang]))
    for lang in ("en", "ru"):
        groups.append((f"{lang} long (*-long-*)", [r for r in rows if r[1]["lang"] == lang and "-long-" in r[0]]))
    for f in sorted({r[0] for r in rows}):
        groups.append((f[: -len(".jsonl")], [r for r in rows if r[0] == f]))
    for name, subset in groups:
        c = stats(subset)
        print(f"{name:<28}{c['total']:>6}{c['sovereignty']:>6}{c['non_aggression']:>6}"
              f"{c['anti_western_media']:>6}{c['multi']:>6}{c['none']:>6}  {words(subset)}")


if __name__ == "__main__":
    sys.exit(main())
