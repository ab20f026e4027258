#!/usr/bin/env bash
# Runs every test of nomad-gitops and ends with one line: "tests: N passed, N failed, N skipped".
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Name~Variables]
set -uo pipefail
cd "$(dirname "$0")"

scripts/setup.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test nomad-gitops.slnx "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints one summary line: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...".
sum() { grep -E '^(Passed|Failed)! +- ' "$log" | sed -n "s/.* $1: *\([0-9]*\),.*/\1/p" | awk '{s+=$1} END {print s+0}'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any test could report.
  failed=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
