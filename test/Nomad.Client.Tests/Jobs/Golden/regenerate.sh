#!/usr/bin/env bash
# Regenerates the golden answers from Nomad's own code (../shared/tools, see its README).
# Tests only read the outputs; they never call the oracles.
set -euo pipefail
cd "$(dirname "$0")"
tools="${NOMAD_ORACLES:-$(git rev-parse --show-toplevel)/../../shared/tools}"
"$tools/jobspec-oracle" -var-file web.vars.hcl -pretty web.nomad.hcl > web.parsed.json
"$tools/plan-oracle" diff - web.parsed.json > web.plan-diff.json
