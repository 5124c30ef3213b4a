#!/usr/bin/env bash
# Archive benchmark: ReproducibleArchiveWriter vs `tar -cf - DIR | xz -T0 -6` and `tar -cf - DIR | zstd -T0 -3`
# on one tree of at least --min-mb (default 500) MB, in the same run (docs/benchmarks.md, "Archives").
#
#   build/bench/archive_bench.sh [--out FILE] [--work DIR] [--min-mb N] [--formats "xz zst"] [--repeat N]
#                                [--max-load N] [--wait-minutes M] [--keep]
#
# GNU tar runs twice per format: in readdir order (plain `tar -cf - DIR`) and with --sort=name, whose entry order is
# close to ours and so gives an output of about the same size (the fair time comparison). The tree is generated at run time under --work (default a temporary folder, deleted afterwards unless --keep): a
# copy of the newest pyenv CPython 3.12 prefix ($PYENV_ROOT, else ~/.pyenv), padded with copies of the other pyenv
# prefixes until it reaches --min-mb. The page cache is warmed with one `tar -cf - DIR >/dev/null` before timing.
# Each tool runs --repeat times (default 1) per format, GNU first, then ours; every run is timed and, where
# /usr/bin/time exists, measured for peak RSS. Writes a Markdown report (machine, load, commands, table) to --out
# (default artifacts/bench/archives-<time>.md) and prints its path.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out=""
work=""
min_mb=500
formats="xz zst"
repeat=1
max_load=4
wait_minutes=20
keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --min-mb) min_mb="$2"; shift 2 ;;
    --formats) formats="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --max-load) max_load="$2"; shift 2 ;;
    --wait-minutes) wait_minutes="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out="${out:-$repo/artifacts/bench/archives-$(date -u +%Y%m%dT%H%M%SZ).md}"
mkdir -p "$(dirname "$out")"
for tool in tar xz zstd dotnet; do
  command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 1; }
done

pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
base="$(ls -d "$pyenv_root"/versions/3.12.* 2>/dev/null | sort -V | tail -n 1 || true)"
[[ -n "$base" ]] || { echo "no CPython 3.12 under $pyenv_root/versions" >&2; exit 1; }

if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/vstk-archive-bench.XXXXXX")"
fi
cleanup() { [[ $keep -eq 1 ]] || rm -rf "$work"; }
trap cleanup EXIT
tree="$work/tree"
results="$work/results"
mkdir -p "$tree" "$results"

size_mb() { du -sm "$1" | cut -f1; }
echo "copying $base into $tree ..." >&2
cp -a "$base" "$tree/$(basename "$base")"
for padding in $(ls -d "$pyenv_root"/versions/* | sort -V -r); do
  [[ $(size_mb "$tree") -ge $min_mb ]] && break
  [[ "$padding" == "$base" ]] && continue
  echo "padding with $padding ..." >&2
  cp -a "$padding" "$tree/padding-$(basename "$padding")"
done
tree_mb="$(size_mb "$tree")"
tree_files="$(find "$tree" | wc -l)"
[[ $tree_mb -ge $min_mb ]] || { echo "only $tree_mb MB of pyenv prefixes; need $min_mb" >&2; exit 1; }

project="$repo/tests/VenvStacks.Benchmarks"
dotnet build "$project" -c Release -nologo -v q >/dev/null
dll="$project/bin/Release/net10.0/VenvStacks.Benchmarks.dll"

load1() { cut -d' ' -f1 /proc/loadavg; }
deadline=$(( $(date +%s) + wait_minutes * 60 ))
while awk -v l="$(load1)" -v m="$max_load" 'BEGIN { exit !(l > m) }' && [[ $(date +%s) -lt $deadline ]]; do
  echo "load $(load1) > $max_load, waiting..." >&2
  sleep 30
done

tar -cf - -C "$work" tree >/dev/null
timer=()
[[ -x /usr/bin/time ]] && timer=(/usr/bin/time -v -o "$results/time.txt")

# Runs "$@" with its standard output in file $1 and prints "seconds peak_rss_mb cpu_seconds" (user + system, all
# processes of the command).
measure() {
  local output="$1" start end rss="n/a" cpu="n/a"
  shift
  start=$(date +%s.%N)
  "${timer[@]}" "$@" > "$output"
  end=$(date +%s.%N)
  if [[ ${#timer[@]} -gt 0 ]]; then
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$results/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.1f", t }' "$results/time.txt")
  fi
  awk -v s="$start" -v e="$end" -v r="$rss" -v c="$cpu" 'BEGIN { printf "%.1f %s %s\n", e - s, r, c }'
}

before="$(uptime)"
rows=()
for format in $formats; do
  case "$format" in
    xz) compressor="xz -T0 -6"; level=6 ;;
    zst) compressor="zstd -T0 -3 -q"; level=3 ;;
    *) echo "unknown format $format" >&2; exit 2 ;;
  esac
  for run in $(seq 1 "$repeat"); do
    # GNU tar in readdir order (what `tar -cf - DIR` does) and in name order (closest to ours: same-size output).
    read -r gnu_s gnu_rss gnu_cpu < <(measure /dev/null bash -c "tar -cf - -C '$work' tree | $compressor > '$results/gnu.tar.$format'")
    read -r sorted_s sorted_rss sorted_cpu < <(measure /dev/null bash -c "tar --sort=name -cf - -C '$work' tree | $compressor > '$results/sorted.tar.$format'")
    read -r ours_s ours_rss ours_cpu < <(measure "$results/ours.txt" dotnet "$dll" --archive "$tree" "$results/ours.tar.$format" --level "$level")
    ours_ws=$(sed -n 's/.*peak_working_set_mb=\([0-9.]*\).*/\1/p' "$results/ours.txt")
    sorted_size=$(stat -c %s "$results/sorted.tar.$format")
    for tool in gnu sorted ours; do
      case "$tool" in
        gnu) label="GNU tar + $compressor (readdir order)"; t=$gnu_s; c=$gnu_cpu; rss="$gnu_rss MB" ;;
        sorted) label="GNU tar --sort=name + $compressor"; t=$sorted_s; c=$sorted_cpu; rss="$sorted_rss MB" ;;
        ours) label="ours (ReproducibleArchiveWriter)"; t=$ours_s; c=$ours_cpu; rss="$ours_rss MB (own peak working set $ours_ws MB)" ;;
      esac
      size=$(stat -c %s "$results/$tool.tar.$format")
      rows+=("$(awk -v f="$format" -v r="$run" -v l="$label" -v t="$t" -v st="$sorted_s" -v c="$c" -v sc="$sorted_cpu" -v z="$size" -v sz="$sorted_size" -v m="$rss" \
        'BEGIN { printf "| tar.%s | %d | %s | %.1f s | %.2f | %s s | %s | %.1f MB | %+.2f%% | %s |", f, r, l, t, t / st, c, (sc + 0 > 0 ? sprintf("%.2f", c / sc) : "n/a"), z / 1048576, (z - sz) * 100 / sz, m }')")
      rm -f "$results/$tool.tar.$format"
    done
  done
done
after="$(uptime)"

{
  echo "**Machine:** $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r);"
  echo ".NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}'); $(tar --version | head -n 1), $(xz --version | head -n 1), $(zstd --version)."
  echo
  echo "**Tree:** $tree_mb MB, $tree_files entries: $(basename "$base") plus padding from the other pyenv prefixes (generated under \`$work\`)."
  echo
  echo "**Load:** before \`${before# }\`; after \`${after# }\`."
  echo
  echo "**Commands:** GNU \`tar [--sort=name] -cf - -C WORK tree | xz -T0 -6\` / \`| zstd -T0 -3 -q\`; ours \`dotnet tests/VenvStacks.Benchmarks/bin/Release/net10.0/VenvStacks.Benchmarks.dll --archive WORK/tree OUT.tar.xz|.tar.zst --level 6|3\` (threads = $(nproc))."
  echo
  echo "| Format | Run | Tool | Wall time | Time / GNU sorted | CPU (user+sys) | CPU / GNU sorted | Size | Size vs GNU sorted | Peak RSS (largest process) |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > "$out"
echo "$out"
