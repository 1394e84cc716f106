#!/usr/bin/env bash
# Extraction speed: Discourse (extract-throughput) and readability.js 0.6.0 on jsdom over the same reference pages,
# in the same run, one after the other; prints both JSON lines, the machine load, and the ratio.
# usage: tests/Discourse.Benchmarks/scripts/extraction-vs-readability.sh [SET ...]
#        (default: zyte-dev daniel-ru-dev daniel-en-dev wcxb-dev from ../shared/reference/extraction)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
ref="${DISCOURSE_REFERENCE:-$repo/../shared/reference}/extraction"
sets=("$@"); [ ${#sets[@]} -eq 0 ] && sets=(zyte-dev daniel-ru-dev daniel-en-dev wcxb-dev)
dirs=(); for s in "${sets[@]}"; do dirs+=("$ref/$s/html"); done

[ -d "$here/node_modules/@mozilla/readability" ] || (cd "$here" && npm install --no-audit --no-fund >/dev/null)
dotnet build "$repo/tests/Discourse.Benchmarks" -c Release -v q -nologo >/dev/null

echo "load before: $(uptime)"
ours="$(dotnet run -c Release --no-build --project "$repo/tests/Discourse.Benchmarks" -- extract-throughput "${dirs[@]}")"
echo "$ours"
theirs="$(node "$here/readability-throughput.mjs" "${dirs[@]}")"
echo "$theirs"
echo "load after: $(uptime)"
python3 - "$ours" "$theirs" <<'PY'
import json, sys
ours, theirs = (json.loads(a) for a in sys.argv[1:3])
print(f"speedup {ours['pages_per_second'] / theirs['pages_per_second']:.1f}x  "
      f"({ours['pages_per_second']} vs {theirs['pages_per_second']} pages/s on {ours['pages']} pages)")
PY
