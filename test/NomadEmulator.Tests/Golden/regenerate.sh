#!/usr/bin/env bash
# Rebuilds every golden answer with Nomad's own code (the only place that calls the oracles).
#   hcl/*.nomad.hcl --jobspec-oracle--> jobs/*.json --plan-oracle job--> stored/*.json
#   decode-cases.py: decode/<case>/job.json --plan-oracle validate (stderr)--> decode/<case>/error.txt
#   make_inputs.py: changes/<case>/{old,new}.json and validate/<case>/job.json (named edits of jobs/)
#   plan-oracle: changes/<case>/{diff.json,specchanged.txt, old.stored.json, new.stored.json},
#                validate/<case>/error.txt ("ok" when valid), validate/<case>/response.json (/v1/validate/job)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="${NOMAD_ORACLES:-$here/../../../../shared/tools}"
[ -x "$tools/plan-oracle" ] || tools=/work/shared/tools
cd "$here"
mkdir -p jobs stored
for hcl in hcl/*.nomad.hcl; do
  name="$(basename "$hcl" .nomad.hcl)"
  "$tools/jobspec-oracle" "$hcl" | python3 -m json.tool --indent 2 > "jobs/$name.json"
  "$tools/plan-oracle" job "jobs/$name.json" | python3 -m json.tool --indent 2 > "stored/$name.json"
done
python3 make_inputs.py
for d in changes/*/; do
  old="$d/old.json"; [ -f "$old" ] || old=-
  "$tools/plan-oracle" diff "$old" "$d/new.json" | python3 -m json.tool --indent 2 > "$d/diff.json"
  "$tools/plan-oracle" job "$d/new.json" | python3 -m json.tool --indent 2 > "$d/new.stored.json"
  if [ "$old" != - ]; then
    "$tools/plan-oracle" job "$old" | python3 -m json.tool --indent 2 > "$d/old.stored.json"
    "$tools/plan-oracle" specchanged "$old" "$d/new.json" > "$d/specchanged.txt"
  fi
done
for d in validate/*/; do
  "$tools/plan-oracle" validate "$d/job.json" > "$d/error.txt" || true
  "$tools/plan-oracle" -json validate "$d/job.json" | python3 -m json.tool --indent 2 > "$d/response.json" || true
done
# decode/<case>/error.txt: Go's decode error for job.json (written by decode-cases.py), empty when it decodes.
python3 decode-cases.py
for d in decode/*/; do
  "$tools/plan-oracle" validate "$d/job.json" 2>&1 >/dev/null | sed "s|^$d/job.json: ||" > "$d/error.txt" || true
done
