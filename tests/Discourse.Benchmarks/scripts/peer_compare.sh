#!/usr/bin/env bash
# Ours vs scikit-learn on the same corpus and the same folds, in one run; also both on the real development set.
# usage: tests/Discourse.Benchmarks/scripts/peer_compare.sh   (from the repository root; ../shared beside it for real-dev)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
corpus="corpora/labelled"
real_dev="$root/../shared/real-dev/seed-paragraphs.jsonl"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  echo "scikit-learn missing: apt-get install -y python3-sklearn" >&2
  exit 2
fi
dotnet build -c Release -nologo -v q src/Discourse.Cli >/dev/null
cli="src/Discourse.Cli/bin/Release/net10.0/discourse"
"$cli" train --corpus "$corpus" --out "$work/framing.model" --folds-out "$work/folds.jsonl" > "$work/train.txt"
ours_cv="$(grep -o '"cv_macro_f1":[0-9.]*' "$work/train.txt" | cut -d: -f2)"
ours_train="$(grep -o '"train_seconds":[0-9.]*' "$work/train.txt" | cut -d: -f2)"
ours_dev="n/a"
peer_args=(--corpus "$corpus" --folds "$work/folds.jsonl")
if [ -f "$real_dev" ]; then
  ours_dev="$("$cli" evaluate --input "$real_dev" --model "$work/framing.model" --json | grep -o '"macro_f1":[0-9.]*' | head -1 | cut -d: -f2)"
  peer_args+=(--real-dev "$real_dev")
fi
peer="$(/usr/bin/python3 tests/Discourse.Benchmarks/scripts/sklearn_peer.py "${peer_args[@]}")"
echo "ours:    cv_macro_f1=$ours_cv real_dev_macro_f1=$ours_dev train_seconds=$ours_train"
echo "sklearn: $peer"
echo "load: $(uptime)"
