#!/usr/bin/env bash
# Regenerates the API-shaped job templates the contract tests register (Support/TestJobs.cs): each
# *.nomad.hcl parsed by Nomad's own parser with Canonicalize, exactly what /v1/jobs/parse returns.
# Needs ../shared/tools/jobspec-oracle (not in a fresh clone; the JSON files are committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
oracle="${JOBSPEC_ORACLE:-$here/../../../../../shared/tools/jobspec-oracle}"
for hcl in "$here"/*.nomad.hcl; do
  "$oracle" -pretty "$hcl" > "${hcl%.nomad.hcl}.json"
done
