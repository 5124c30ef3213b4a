#!/usr/bin/env bash
# Installation benchmark: our wheel installer vs pip on ~30 synthetic wheels (docs/benchmarks.md, "Installing").
#
#   build/bench/install_bench.sh [--out FILE] [--max-load N] [--wait-minutes M] [-- <extra --installation options>]
#
# Builds tests/VenvStacks.Benchmarks (Release), waits (up to --wait-minutes, default 20) for the 1-minute load average
# to drop to --max-load (default 3; the machine is shared), then runs `--installation`: fresh venvs; our installer in
# a fresh process per run; pip install --no-deps --require-hashes from the same 127.0.0.1 index or with --no-index from
# local files; cold and warm caches. Writes a Markdown report (machine, load, command, table) to --out (default
# artifacts/bench/installing-<time>.md). Extra options after `--` go to the benchmark, e.g. `-- --runs 5 --wheels 40`.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo/build/bench/bench_lib.sh"
bench_parse_options installing 3 "$@"
bench_build
bench_wait_for_quiet_machine
bench_run_and_report install_bench.sh "${VENVSTACKS_TEST_PYTHON:-$(command -v python3)}" --installation "${extra[@]}"
