#!/usr/bin/env bash
# Installation benchmark: our wheel installer vs pip on ~30 synthetic wheels (docs/benchmarks.md, "Installing").
#
#   build/bench/install_bench.sh [--out FILE] [--max-load N] [--wait-minutes M] [-- <extra --installation options>]
#
# Builds tests/VenvStacks.Benchmarks (Release), waits (up to --wait-minutes, default 20) for the 1-minute load average
# to drop to --max-load (default 3; the machine is shared), then runs `--installation` (fresh venvs; our installer in a
# fresh process per run; pip install --no-deps --require-hashes from the same 127.0.0.1 index or with --no-index from
# local files; cold and warm caches) and writes a Markdown report (machine, load, command, table) to --out (default
# artifacts/bench/installing-<time>.md). Extra options after `--`, e.g. `-- --runs 5 --wheels 40`.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out=""
max_load=3
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
out="${out:-$repo/artifacts/bench/installing-$(date -u +%Y%m%dT%H%M%SZ).md}"
mkdir -p "$(dirname "$out")"

project="$repo/tests/VenvStacks.Benchmarks"
dotnet build "$project" -c Release -nologo -v q >/dev/null
dll="$project/bin/Release/net10.0/VenvStacks.Benchmarks.dll"

deadline=$(( $(date +%s) + wait_minutes * 60 ))
until awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v m="$max_load" 'BEGIN { exit !(l <= m) }' || [[ $(date +%s) -ge $deadline ]]; do
  echo "load $(cut -d' ' -f1 /proc/loadavg) > $max_load, waiting..." >&2
  sleep 30
done

python="${VENVSTACKS_TEST_PYTHON:-$(command -v python3)}"
before="$(uptime)"
args=(--installation "${extra[@]}")
table="$(mktemp)"
dotnet "$dll" "${args[@]}" --markdown "$table" >/dev/null
after="$(uptime)"

{
  echo "**Machine:** $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r), $(df -T "${TMPDIR:-/tmp}" | awk 'NR==2 {print $2}') temp file system;"
  echo ".NET SDK $(dotnet --version); $("$python" -m pip --version | cut -d' ' -f1-2) ($("$python" --version))."
  echo
  echo "**Load:** before \`${before# }\`; after \`${after# }\`."
  echo
  echo "**Command:** \`build/bench/install_bench.sh\` → \`dotnet tests/VenvStacks.Benchmarks/bin/Release/net10.0/VenvStacks.Benchmarks.dll ${args[*]}\`"
  echo
  cat "$table"
} > "$out"
rm -f "$table"
echo "$out"
