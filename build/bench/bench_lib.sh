# Shared by the benchmark scripts (source it after setting `repo`):
#
#   bench_parse_options NAME DEFAULT_MAX_LOAD "$@"   sets out (default artifacts/bench/NAME-<time>.md), max_load,
#                                                   wait_minutes (default 20) and extra (the arguments after `--`)
#   bench_build                                     builds tests/VenvStacks.Benchmarks (Release), sets dll
#   bench_wait_for_quiet_machine                    waits (up to wait_minutes) for a 1-minute load <= max_load
#   bench_run_and_report SCRIPT PYTHON ARGS...      runs the benchmark with ARGS and --markdown, then writes $out:
#                                                   machine, load before/after, command, the benchmark's tables

bench_parse_options() {
  local name="$1"
  max_load="$2"
  shift 2
  out=""
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
  out="${out:-$repo/artifacts/bench/$name-$(date -u +%Y%m%dT%H%M%SZ).md}"
  mkdir -p "$(dirname "$out")"
}

bench_build() {
  local project="$repo/tests/VenvStacks.Benchmarks"
  dotnet build "$project" -c Release -nologo -v q >/dev/null
  dll="$project/bin/Release/net10.0/VenvStacks.Benchmarks.dll"
}

bench_load1() { cut -d' ' -f1 /proc/loadavg; }

bench_wait_for_quiet_machine() {
  local deadline=$(( $(date +%s) + wait_minutes * 60 ))
  while awk -v l="$(bench_load1)" -v m="$max_load" 'BEGIN { exit !(l > m) }' && [[ $(date +%s) -lt $deadline ]]; do
    echo "load $(bench_load1) > $max_load, waiting..." >&2
    sleep 30
  done
}

bench_run_and_report() {
  local script="$1" python="$2"
  shift 2
  local before after tables
  before="$(uptime)"
  tables="$(mktemp)"
  dotnet "$dll" "$@" --markdown "$tables" >/dev/null
  after="$(uptime)"
  {
    echo "**Machine:** $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r), $(df -T "${TMPDIR:-/tmp}" | awk 'NR==2 {print $2}') temp folder;"
    echo ".NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}'); $("$python" -m pip --version | cut -d' ' -f1-2) ($("$python" --version))."
    echo
    echo "**Load:** before \`${before# }\`; after \`${after# }\`."
    echo
    echo "**Command:** \`build/bench/$script\` → \`dotnet tests/VenvStacks.Benchmarks/bin/Release/net10.0/VenvStacks.Benchmarks.dll $*\`"
    echo
    cat "$tables"
  } > "$out"
  rm -f "$tables"
  echo "$out"
}
