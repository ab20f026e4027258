#!/usr/bin/env bash
# Regenerates the expected answers of the corpus with Nomad's own parser (the jobspec-oracle).
# The only place that calls the oracle; tests read the files it writes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
oracle="${JOBSPEC_ORACLE:-$here/../../../../shared/tools/jobspec-oracle}"
[ -x "$oracle" ] || oracle=/work/shared/tools/jobspec-oracle
for f in "$here"/valid/*.nomad.hcl; do
  base="${f%.nomad.hcl}"
  args=()
  [ -f "$base.vars.hcl" ] && args+=(-var-file "$base.vars.hcl")
  "$oracle" -pretty "${args[@]}" "$f" > "$base.json"
done
for f in "$here"/invalid/*.nomad.hcl; do
  base="${f%.nomad.hcl}"
  args=()
  [ -f "$base.vars.hcl" ] && args+=(-var-file "$base.vars.hcl")
  if "$oracle" "${args[@]}" "$f" > /dev/null 2> "$base.error.txt"; then
    echo "expected an error from $f" >&2
    exit 1
  fi
  # The server parses var content under the name input.hcl (jobspec2/parse.go decode); the oracle names the file.
  if [ -f "$base.vars.hcl" ]; then sed -i "s|$base.vars.hcl|input.hcl|g" "$base.error.txt"; fi
done
