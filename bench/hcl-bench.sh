#!/usr/bin/env bash
# Parse throughput of Nomad.Hcl on the corpus's valid job files (those needing no var file), one thread,
# warm. When ../shared/tools/jobspec-oracle exists beside the repository, Nomad's own parser is measured on
# the same files in the same run (JOBSPEC_ORACLE overrides its path). Usage: bench/hcl-bench.sh [ROUNDS]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-20}"
corpus="$repo/test/Nomad.Hcl.Tests/Corpus/valid"
files=()
for f in "$corpus"/*.nomad.hcl; do
  [ -f "${f%.nomad.hcl}.vars.hcl" ] || files+=("$f")
done
dotnet build -c Release -v q --nologo "$repo/bench/HclBench" > /dev/null
echo "files: ${#files[@]} from $corpus; rounds: $rounds"
dotnet "$repo/bench/HclBench/bin/Release/net10.0/HclBench.dll" -rounds "$rounds" "${files[@]}"
oracle="${JOBSPEC_ORACLE:-$repo/../shared/tools/jobspec-oracle}"
if [ -x "$oracle" ]; then
  printf 'Nomad (jobspec2 + Canonicalize): '
  "$oracle" -bench "$rounds" "${files[@]}"
fi
