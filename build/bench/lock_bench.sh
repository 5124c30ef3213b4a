#!/usr/bin/env bash
# Locking benchmark: lock engine vs pip 23.2 on the synthetic 3-layer stack (docs/benchmarks.md, "Locking").
#
#   build/bench/lock_bench.sh [--out FILE] [--max-load N] [--wait-minutes M] [-- <extra --locking options>]
#
# Builds tests/VenvStacks.Benchmarks (Release), waits (up to --wait-minutes, default 20) for the 1-minute load average
# to drop to --max-load (default 4; the machine is shared), then runs `--locking --profile` and writes a Markdown
# report (machine, load before/after, command, tables) to --out (default artifacts/bench/locking-<time>.md).
# Extra options after `--` go to the benchmark, e.g. `-- --repetitions 7 --noop-calls 50`.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$repo/build/bench/bench_lib.sh"
bench_parse_options locking 4 "$@"
bench_build
bench_wait_for_quiet_machine
bench_run_and_report lock_bench.sh "${VENVSTACKS_TEST_PYTHON:-/root/.pyenv/versions/3.11.7/bin/python3}" --locking --profile "${extra[@]}"
