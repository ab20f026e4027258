#!/usr/bin/env bash
# Records what Nomad's own parser (../shared/tools/jobspec-oracle) answers for each sample job file.
# The only place that calls the oracle; tests read the recorded answers.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
oracle="$root/../shared/tools/jobspec-oracle"
for f in "$root"/samples/jobs/*.nomad.hcl; do
  "$oracle" -pretty "$f" > "$here/$(basename "$f" .nomad.hcl).json"
done
