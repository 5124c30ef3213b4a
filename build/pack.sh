#!/usr/bin/env bash
# Packs the VenvStacks.Sdk MSBuild SDK package into a local folder feed.
#
#   build/pack.sh [FEED_DIR] [VERSION]
#
# FEED_DIR defaults to artifacts/feed; VERSION defaults to 0.1.0-dev-<UTC timestamp>. Every pack gets a new version
# by default because NuGet never re-extracts a version it already has in a packages folder. The last line printed is
# the version, so scripts can capture it: version=$(build/pack.sh feed | tail -n 1)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="${1:-$repo_root/artifacts/feed}"
version="${2:-0.1.0-dev-$(date -u +%Y%m%d%H%M%S)}"

mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

dotnet pack "$repo_root/src/VenvStacks.Sdk/VenvStacks.Sdk.csproj" \
  -c Release -o "$feed" -p:PackageVersion="$version" -nodeReuse:false -tl:off >&2

echo "Packed $feed/VenvStacks.Sdk.$version.nupkg" >&2
echo "$version"
