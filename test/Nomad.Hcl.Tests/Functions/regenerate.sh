#!/usr/bin/env bash
# Records Nomad's answer for each expression of expressions.txt (one HCL expression a line, evaluated as a job's
# meta value) into recorded.json: {"expression", "value"} or {"expression", "error"} (the first diagnostic line).
# The only place that calls Nomad's parser for these tests; the tests read recorded.json.
# With --new, only the expressions recorded.json does not hold yet are recorded and appended (the whole run takes minutes).
# With --set NAME, NAME.txt is recorded into NAME.json instead (yaml-mutate.py writes yaml-mutants.txt that way).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
oracle="${JOBSPEC_ORACLE:-$here/../../../../shared/tools/jobspec-oracle}"
[ -x "$oracle" ] || oracle=/work/shared/tools/jobspec-oracle
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "[" > "$tmp/out.json"
first=1
only_new=0
expressions="$here/expressions.txt"
recorded="$here/recorded.json"
while [ $# -gt 0 ]; do
  case "$1" in
    --new) only_new=1 ;;
    --set) shift; expressions="$here/$1.txt"; recorded="$here/$1.json" ;;
    *) echo "usage: $0 [--new] [--set NAME]" >&2; exit 2 ;;
  esac
  shift
done
if [ "$only_new" = 1 ]; then
  jq -r '.[].expression' "$recorded" > "$tmp/known.txt"
  jq -c '.[]' "$recorded" | paste -sd, > "$tmp/old.json"
  if [ -s "$tmp/old.json" ]; then cat "$tmp/old.json" >> "$tmp/out.json"; first=0; fi
fi
while IFS= read -r expression; do
  [ -n "$expression" ] || continue
  if [ "$only_new" = 1 ] && grep -qxF -- "$expression" "$tmp/known.txt"; then continue; fi
  printf 'job "x" {\n  meta = {\n    r = %s\n  }\n}\n' "$expression" > "$tmp/job.nomad.hcl"
  if "$oracle" "$tmp/job.nomad.hcl" > "$tmp/stdout" 2> "$tmp/stderr"; then
    entry="$(jq -c --arg e "$expression" '{expression: $e, value: .Meta.r}' "$tmp/stdout")"
  else
    entry="$(jq -cn --arg e "$expression" --arg err "$(head -n 1 "$tmp/stderr")" '{expression: $e, error: $err}')"
  fi
  [ "$first" = 1 ] || echo "," >> "$tmp/out.json"
  first=0
  printf '%s' "$entry" >> "$tmp/out.json"
done < "$expressions"
echo "]" >> "$tmp/out.json"
jq . "$tmp/out.json" > "$recorded"
