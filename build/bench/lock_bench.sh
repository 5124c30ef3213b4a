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
out=""
max_load=4
wait_minutes=20
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --max-load) max_load="$2"; shift 2 ;;
    --wait-minutes) wait_minutes="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out="${out:-$repo/artifacts/bench/locking-$(date -u +%Y%m%dT%H%M%SZ).md}"
mkdir -p "$(dirname "$out")"

load1() { cut -d' ' -f1 /proc/loadavg; }

project="$repo/tests/VenvStacks.Benchmarks"
dotnet build "$project" -c Release -nologo -v q >/dev/null
dll="$project/bin/Release/net10.0/VenvStacks.Benchmarks.dll"

deadline=$(( $(date +%s) + wait_minutes * 60 ))
while awk -v l="$(load1)" -v m="$max_load" 'BEGIN { exit !(l > m) }' && [[ $(date +%s) -lt $deadline ]]; do
  echo "load $(load1) > $max_load, waiting..." >&2
  sleep 30
done

python="${VENVSTACKS_TEST_PYTHON:-/root/.pyenv/versions/3.11.7/bin/python3}"
before="$(uptime)"
args=(--locking --profile "${extra[@]}")
report="$(mktemp)"
dotnet "$dll" "${args[@]}" --markdown "$report" >/dev/null
after="$(uptime)"

{
  echo "**Machine:** $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r);"
  echo ".NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}'); $("$python" -m pip --version | cut -d' ' -f1-2) ($("$python" --version))."
  echo
  echo "**Load:** before \`${before# }\`; after \`${after# }\`."
  echo
  echo "**Command:** \`build/bench/lock_bench.sh\` → \`dotnet tests/VenvStacks.Benchmarks/bin/Release/net10.0/VenvStacks.Benchmarks.dll ${args[*]}\`"
  echo
  cat "$report"
} > "$out"
rm -f "$report"
echo "$out"
