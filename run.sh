#!/usr/bin/env bash
# Runs nomad-gitops against an embedded Nomad emulator (no cluster needed). Extra arguments go to `dev`.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec dotnet run --project src/NomadGitOps -- dev "$@"
