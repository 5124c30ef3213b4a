#!/usr/bin/env bash
# Builds the solution and runs every test project (unit, conformance and end-to-end tests).
#
#   build/test.sh [extra dotnet test arguments...]
#
# Examples:
#   build/test.sh                             # everything
#   build/test.sh --filter "Category!=E2E"    # skip the end-to-end tests (no packing, no nested dotnet builds)
#   build/test.sh --filter "Category=E2E"     # only the end-to-end tests
# The .trx results go to $TEST_RESULTS_DIR (default artifacts/test-results). End-to-end tests keep the scratch folder
# of a failing test (the path is in the test output) under $VENVSTACKS_E2E_ROOT (default <temp>/venvstacks-e2e).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
results="${TEST_RESULTS_DIR:-$repo_root/artifacts/test-results}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

dotnet build VenvStacks.Build.sln -c Release -nodeReuse:false -tl:off -p:UseSharedCompilation=false
dotnet test VenvStacks.Build.sln -c Release --no-build -tl:off \
  --logger trx --logger "console;verbosity=normal" --results-directory "$results" "$@"
