#!/usr/bin/env bash
# Scores `discourse extract` on the reference extraction sets and the htmldate Cyrillic date pages.
# usage: tests/Discourse.Benchmarks/scripts/score-extraction.sh [SET ...]   (default: zyte-dev daniel-ru-dev daniel-en-dev wcxb-dev htmldate)
# Needs ../shared/reference beside the repository. Prints score.py's output per set.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
ref="${DISCOURSE_REFERENCE:-$repo/../shared/reference}"
py="$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3 )"
sets=("$@"); [ ${#sets[@]} -eq 0 ] && sets=(zyte-dev daniel-ru-dev daniel-en-dev wcxb-dev htmldate)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

# DISCOURSE_BIN: an already built discourse executable (skips the build)
if [ -n "${DISCOURSE_BIN:-}" ]; then discourse="$DISCOURSE_BIN"; else
  dotnet build "$repo/src/Discourse.Cli" -c Release -v q -nologo -o "$work/bin" >/dev/null
  discourse="$work/bin/discourse"
fi

# extract JSON {title,text,published} -> score.py's {articleBody,title,date}
convert() {
  "$py" - "$1" "$2" <<'PY'
import json, sys, pathlib
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
dst.mkdir(parents=True, exist_ok=True)
for f in src.glob('*.json'):
    d = json.loads(f.read_text(encoding='utf-8'))
    out = {'articleBody': d.get('text') or '', 'title': d.get('title') or '', 'date': (d.get('published') or '')[:10]}
    (dst / f.name).write_text(json.dumps(out, ensure_ascii=False), encoding='utf-8')
PY
}

for set in "${sets[@]}"; do
  echo "== $set"
  if [ "$set" = htmldate ]; then
    dates="$ref/nlp/dates"
    # file name -> URL and expected date from the manifest, for the pages present locally
    "$py" - "$dates" "$work/urls.tsv" "$work/expected.tsv" <<'PY'
import sys, csv, pathlib
d = pathlib.Path(sys.argv[1])
local = {p.name for p in (d / 'html_cyrillic').glob('*.html')}
with open(d / 'htmldate_manifest.tsv', encoding='utf-8') as f, open(sys.argv[2], 'w') as u, open(sys.argv[3], 'w') as e:
    for row in csv.reader(f, delimiter='\t'):
        if row[0].startswith('#'): continue
        name = pathlib.PurePosixPath(row[3]).name
        if name in local and row[2] != 'nan':
            u.write(f'{name}\t{row[1]}\n'); e.write(f'{name}\t{row[2]}\n')
PY
    "$discourse" extract --input "$dates/html_cyrillic" --output "$work/out-htmldate" --urls "$work/urls.tsv" >/dev/null
    "$py" - "$work/out-htmldate" "$work/expected.tsv" <<'PY'
import sys, json, pathlib
out = pathlib.Path(sys.argv[1]); ok = n = 0
for line in open(sys.argv[2], encoding='utf-8'):
    name, expected = line.rstrip('\n').split('\t')
    got = (json.loads((out / (name[:-5] + '.json')).read_text(encoding='utf-8')).get('published') or '')[:10]
    n += 1; ok += got == expected
    if got != expected: print(f'  miss {name}: expected {expected}, got {got or None}')
print(f'date_accuracy {ok / n:.4f}  (n={n})')
PY
    continue
  fi
  "$discourse" extract --input "$ref/extraction/$set/html" --output "$work/out-$set" >/dev/null
  convert "$work/out-$set" "$work/pred-$set"
  metric=shingle; [ "$set" = wcxb-dev ] && metric=word
  "$py" "$ref/extraction/score.py" "$work/pred-$set" "$ref/extraction/$set/truth" --ids "$ref/extraction/$set/ids.txt" --metric "$metric" --n-bootstrap 0 \
    ${SCORE_PER_PAGE:+--per-page "$SCORE_PER_PAGE/$set.tsv"}
  [ -n "${SCORE_KEEP:-}" ] && { mkdir -p "$SCORE_KEEP"; rm -rf "$SCORE_KEEP/$set"; cp -r "$work/out-$set" "$SCORE_KEEP/$set"; }
done
