# Shared by the benchmark scripts (source it): options, waiting for a quiet machine, the machine description.
#
#   bench_parse_options NAME DEFAULT_MAX_LOAD "$@"   sets out (default artifacts/bench/NAME-<time>.md), max_load,
#                                                   wait_minutes (default 20) and extra (the arguments after `--`)
#   bench_wait_for_quiet_machine                    waits until the 1-minute load average is at most max_load
#   bench_describe_machine PYTHON                   prints the Markdown "Machine:" lines

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

bench_load1() { cut -d' ' -f1 /proc/loadavg; }

bench_wait_for_quiet_machine() {
  local deadline=$(( $(date +%s) + wait_minutes * 60 ))
  while awk -v l="$(bench_load1)" -v m="$max_load" 'BEGIN { exit !(l > m) }' && [[ $(date +%s) -lt $deadline ]]; do
    echo "load $(bench_load1) > $max_load, waiting..." >&2
    sleep 30
  done
}

bench_describe_machine() {
  local python="$1"
  echo "**Machine:** $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r);"
  echo ".NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}'); $("$python" -m pip --version | cut -d' ' -f1-2) ($("$python" --version))."
}
