#!/usr/bin/env bash
# Runs our Parquet writer benchmark and DuckDB's (parquet-check/peer-write.mjs) on the same synthetic rows in the same
# run, checks our file with validate.mjs (its checksum must equal DuckDB's), and prints both figures.
# usage: tests/Discourse.Benchmarks/scripts/parquet-vs-duckdb.sh [ROWS] [SEED]
# Needs an npm-installed parquet-check: DISCOURSE_PARQUET_CHECK=DIR, or <repo>/.tools/parquet-check (see docs/parquet.md).
set -euo pipefail
rows="${1:-100000}"
seed="${2:-42}"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
check="${DISCOURSE_PARQUET_CHECK:-$repo/.tools/parquet-check}"
if [ ! -f "$check/validate.mjs" ] || [ ! -d "$check/node_modules" ]; then
  echo "parquet-check not installed at $check; run: mkdir -p .tools && cp -r ../shared/tools/parquet-check .tools/ && (cd .tools/parquet-check && npm install --no-audit --no-fund)" >&2
  exit 2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cpus, load: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build -c Release -nologo -v q "$repo/tests/Discourse.Benchmarks" > /dev/null
ours="$(dotnet run -c Release --no-build --project "$repo/tests/Discourse.Benchmarks" -- parquet-write --rows "$rows" --seed "$seed" --codec snappy --out "$out/ours.parquet")"
peer="$(cd "$check" && node peer-write.mjs --rows="$rows" --seed="$seed" --codecs=snappy --out="$out/peer" --json)"
echo "ours:   $ours"
echo "duckdb: $peer"
(cd "$check" && node validate.mjs --json "$out/ours.parquet" "$out/peer/docs_snappy.parquet") > "$out/validate.jsonl" || true

node - "$out/validate.jsonl" "$ours" "$peer" <<'JS'
const fs = require('fs');
const [file, oursText, peerText] = process.argv.slice(2);
const recs = fs.readFileSync(file, 'utf8').trim().split('\n').map(l => JSON.parse(l));
const ours = JSON.parse(oursText);
const peer = JSON.parse(peerText);
const p = peer.results[0];
const sum = r => r.readers?.duckdb?.checksum ?? '-';
console.log(`validate ours: ${recs[0].ok ? 'OK' : 'PROBLEM ' + recs[0].problems.join(' | ')}; checksum ours ${sum(recs[0])} duckdb-file ${sum(recs[1])} ${sum(recs[0]) === sum(recs[1]) ? '(equal)' : '(DIFFERENT)'}`);
console.log(`rows/s  ours ${ours.rows_per_s}  duckdb ${p.rows_per_s}  ratio ${(ours.rows_per_s / p.rows_per_s).toFixed(2)}`);
console.log(`bytes   ours ${ours.bytes}  duckdb ${p.bytes}  diff ${(100 * (ours.bytes - p.bytes) / p.bytes).toFixed(2)}%`);
console.log(`peak RSS ours ${ours.peak_rss_mb} MB (whole process)`);
JS
