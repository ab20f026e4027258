#!/usr/bin/env bash
# Builds the release archives of nomad-gitops: one self-contained single-file binary per platform, packed with the
# sample repository `nomad-gitops dev` starts from, plus SHA256SUMS.
#
# Usage: scripts/release.sh [--out DIR] [--rid linux-x64] [--rid linux-arm64]
#   --out DIR   where the archives go (default: artifacts/release)
#   --rid RID   a .NET runtime identifier; repeatable (default: linux-x64 and linux-arm64)
#
# Each archive is nomad-gitops-<version>-<rid>.tar.gz holding nomad-gitops-<version>-<rid>/{nomad-gitops,samples/,
# README.md}. The version is the project's <Version> plus the short commit, as `nomad-gitops version` prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=artifacts/release
rids=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --rid) rids+=("$2"); shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "release.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64)

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/NomadGitOps/NomadGitOps.csproj)
commit=$(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for rid in "${rids[@]}"; do
  name="nomad-gitops-$version+$commit-$rid"
  name=${name//+/-}
  stage="$work/$name"
  echo "release.sh: publishing $rid"
  # Self-contained single file: no .NET on the host needed. Native libraries are packed inside and extracted on
  # first start; the symbols stay out (DebugType=none). Native AOT is not used: see docs/install.md.
  dotnet publish src/NomadGitOps -c Release -r "$rid" --self-contained \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true \
    -p:DebugType=none \
    -o "$work/publish-$rid" >"$work/publish-$rid.log" 2>&1 || { cat "$work/publish-$rid.log" >&2; exit 1; }
  mkdir -p "$stage"
  cp "$work/publish-$rid/nomad-gitops" "$stage/"
  cp -r "$work/publish-$rid/samples" "$stage/samples"
  cp README.md "$stage/"
  tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$out/$name.tar.gz" "$name"
  echo "release.sh: $out/$name.tar.gz"
done

(cd "$out" && sha256sum -- *.tar.gz > SHA256SUMS)
echo "release.sh: $out/SHA256SUMS"
