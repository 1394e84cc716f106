#!/usr/bin/env bash
# Deterministic work per classified document: instructions and simulated cache misses under valgrind's cachegrind
# (a 2 MB last-level cache, the size of one core's L2 here). Wall-clock figures on a shared host drift by up to 2x
# within minutes; these counts do not, so two revisions can be compared on any machine:
#   git worktree add /tmp/old <rev> && tests/Discourse.Benchmarks/scripts/classify-instructions.sh . /tmp/old
# (revisions from df70798 on; older benchmarks lack --warmup-seconds and --rounds).
# MODEL=path/to.model compares models instead (the checkouts' own default model otherwise).
# Each checkout's benchmark is built in Release; the JIT runs untiered (DOTNET_TieredCompilation=0) so that every run
# executes the same code (untiered code runs more instructions than the tiered code of a real run, so compare
# revisions with it rather than quoting its absolute figures as speed). Work per document = (run of 768 documents - run
# of 256 documents) / 512: the first 256 (cold word cache, start-up) cancel out.
set -euo pipefail
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
for checkout in "${@:-.}"; do
  dotnet build -c Release "$checkout/tests/Discourse.Benchmarks" -v q -nologo >/dev/null
  dll="$checkout/tests/Discourse.Benchmarks/bin/Release/net10.0/Discourse.Benchmarks.dll"
  out=$(mktemp -d)
  for docs in 256 768; do
    DOTNET_TieredCompilation=0 valgrind --tool=cachegrind --cache-sim=yes --LL=2097152,16,64 --cachegrind-out-file=/dev/null \
      dotnet "$dll" classify-throughput ${MODEL:+--model "$MODEL"} --warmup-seconds 0 --rounds 1 --docs "$docs" >"$out/$docs.txt" 2>&1 &
  done
  wait
  python3 - "$out" "$checkout" "${MODEL:-default}" <<'PY'
import re, sys
def counts(path):
    text = open(path).read()
    def number(label):
        return int(re.search(label + r':\s+([\d,]+)', text).group(1).replace(',', ''))
    return number('I   refs'), number('D1  misses'), number('LLd misses')
small, large = counts(sys.argv[1] + '/256.txt'), counts(sys.argv[1] + '/768.txt')
ir, d1, ll = [(b - a) / 512 for a, b in zip(small, large)]
print(f'{{"checkout":"{sys.argv[2]}","model":"{sys.argv[3]}","instructions_per_doc":{ir:.0f},"l1d_misses_per_doc":{d1:.0f},"l2_misses_per_doc":{ll:.0f}}}')
PY
  rm -rf "$out"
done
