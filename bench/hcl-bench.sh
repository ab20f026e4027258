#!/usr/bin/env bash
# Parse throughput of Nomad.Hcl on the corpus's valid files (those needing no var file), one thread, warm,
# in two sets: the job files (the shapes users write) and the function-test files (functions-*: many calls of
# one function each, e.g. six RSA decryptions, which measure that function rather than parsing). When
# ../shared/tools/jobspec-oracle exists beside the repository, Nomad's own parser runs on the same files in the
# same run (JOBSPEC_ORACLE overrides its path) and the ratio is printed. Usage: bench/hcl-bench.sh [ROUNDS]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-20}"
corpus="$repo/test/Nomad.Hcl.Tests/Corpus/valid"
jobs=()
functions=()
for f in "$corpus"/*.nomad.hcl; do
  [ -f "${f%.nomad.hcl}.vars.hcl" ] && continue
  case "$(basename "$f")" in
    functions-*) functions+=("$f") ;;
    *) jobs+=("$f") ;;
  esac
done
dotnet build -c Release -v q --nologo "$repo/bench/HclBench" > /dev/null
oracle="${JOBSPEC_ORACLE:-$repo/../shared/tools/jobspec-oracle}"
run() {
  local label="$1"
  shift
  echo "== $label: $# files from $corpus; rounds: $rounds"
  local ours nomad
  ours="$(dotnet "$repo/bench/HclBench/bin/Release/net10.0/HclBench.dll" -rounds "$rounds" "$@")"
  echo "$ours"
  if [ -x "$oracle" ]; then
    nomad="$("$oracle" -bench "$rounds" "$@")"
    echo "Nomad (jobspec2 + Canonicalize): $nomad"
    awk -v a="$(sed -E 's/.*: ([0-9]+) files\/s.*/\1/' <<< "$ours")" -v b="$(sed -E 's/.*: ([0-9]+) files\/s.*/\1/' <<< "$nomad")" \
      'BEGIN { if (b > 0) printf "ratio: %.2fx Nomad\n", a / b }'
  fi
}
run "job files" "${jobs[@]}"
run "function-test files" "${functions[@]}"
