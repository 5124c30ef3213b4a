#!/usr/bin/env bash
# Builds the solution and runs every test project (unit, conformance and end-to-end tests), one project at a time.
#
#   build/test.sh [extra dotnet test arguments...]
#
# Examples:
#   build/test.sh                             # everything
#   build/test.sh --filter "Category!=E2E"    # skip the end-to-end tests (no packing, no nested dotnet builds)
#   build/test.sh --filter "Category=E2E"     # only the end-to-end tests
# Results: one <TestProject>.trx per test project in $TEST_RESULTS_DIR (default artifacts/test-results).
# End-to-end tests keep the scratch folder of a failing test (the path is in the test output) under
# $VENVSTACKS_E2E_ROOT (default <temp>/venvstacks-e2e).
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
results="${TEST_RESULTS_DIR:-$repo_root/artifacts/test-results}"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

dotnet build VenvStacks.Build.sln -c Release -nodeReuse:false -tl:off -p:UseSharedCompilation=false || exit 1

status=0
for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  # One project at a time: the end-to-end tests run real builds and need the machine's cores to themselves.
  dotnet test "$project" -c Release --no-build -tl:off \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" \
    || status=1
done
exit $status
