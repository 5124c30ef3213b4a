#!/usr/bin/env bash
# Publish benchmark: one layer of at least --min-mb (default 500) MB published through PublishEngine (the
# VenvStacks.Benchmarks `--publish` entry: spec, lock and build record written, then a forced publish timed) versus
# `tar -cf - DIR | xz -T0 -6` and `tar -cf - DIR | zstd -T0 -3` on the same tree, in the same run (docs/benchmarks.md,
# "Publishing"). Targets: time ours/GNU <= 1.0 for xz and <= 1.2 for zstd at the same output size (+-2 %), peak RSS
# <= 300 MB.
#
#   build/bench/publish_bench.sh [--out FILE] [--work DIR] [--min-mb N] [--formats "xz zst"] [--repeat N]
#                                [--max-load N] [--wait-minutes M] [--keep]
#
# The tree is generated under --work (default a temporary folder, deleted afterwards unless --keep) as the layer
# folder build/cpython-3.12: a copy of the newest pyenv CPython 3.12 prefix ($PYENV_ROOT, else ~/.pyenv), padded with
# copies of the other pyenv prefixes until it holds --min-mb. What publishing leaves out of an archive (__pycache__,
# sitecustomize.py, pyvenv.cfg, top-level hidden entries) is deleted first, so both tools archive the same files.
# GNU tar runs in readdir order (plain `tar -cf - DIR`) and with --sort=name, whose order is close to ours and so gives
# an output of about the same size (the fair comparison). The page cache is warmed with one `tar -cf - DIR >/dev/null`.
# Runs wait (up to --wait-minutes) for the 1-minute load average to fall to --max-load (default 4). Every run is timed
# and measured with /usr/bin/time -v (peak RSS). Writes a Markdown report to --out (default
# artifacts/bench/publish-<time>.md) and prints its path.
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
out="${out:-$repo/artifacts/bench/publish-$(date -u +%Y%m%dT%H%M%SZ).md}"
mkdir -p "$(dirname "$out")"
for tool in tar xz zstd dotnet /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 1; }
done

pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
base="$(ls -d "$pyenv_root"/versions/3.12.* 2>/dev/null | sort -V | tail -n 1 || true)"
[[ -n "$base" ]] || { echo "no CPython 3.12 under $pyenv_root/versions" >&2; exit 1; }

if [[ -z "$work" ]]; then
  work="$(mktemp -d "${TMPDIR:-/tmp}/vstk-publish-bench.XXXXXX")"
fi
cleanup() { [[ $keep -eq 1 ]] || rm -rf "$work"; }
trap cleanup EXIT
build="$work/build"
layer="cpython-3.12"
tree="$build/$layer"
results="$work/results"
mkdir -p "$build" "$results"

size_mb() { du -sm "$1" | cut -f1; }
# Deletes what a publish leaves out, so that GNU tar and the publish archive the same files.
strip_unpublished() {
  find "$1" -name __pycache__ -prune -exec rm -rf {} +
  find "$1" -name sitecustomize.py -delete
  rm -rf "$tree"/.[!.]* "$tree/pyvenv.cfg"
}
if [[ ! -d "$tree" ]]; then
  echo "copying $base into $tree ..." >&2
  cp -a "$base" "$tree"
  strip_unpublished "$tree"
  for padding in $(ls -d "$pyenv_root"/versions/* | sort -V -r); do
    [[ $(size_mb "$tree") -ge $min_mb ]] && break
    [[ "$padding" == "$base" ]] && continue
    echo "padding with $padding ..." >&2
    cp -a "$padding" "$tree/padding-$(basename "$padding")"
    strip_unpublished "$tree/padding-$(basename "$padding")"
  done
fi
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

tar -cf - -C "$build" "$layer" >/dev/null

# Runs "$@" under /usr/bin/time -v and prints "seconds peak_rss_mb" (the largest process of the command).
measure() {
  local start end rss
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$results/time.txt" "$@"
  end=$(date +%s.%N)
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$results/time.txt")
  awk -v s="$start" -v e="$end" -v r="$rss" 'BEGIN { printf "%.1f %s\n", e - s, r }'
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
    read -r gnu_s gnu_rss < <(measure bash -c "tar -cf - -C '$build' '$layer' | $compressor > '$results/gnu.tar.$format'")
    read -r sorted_s sorted_rss < <(measure bash -c "tar --sort=name -cf - -C '$build' '$layer' | $compressor > '$results/sorted.tar.$format'")
    rm -rf "$results/ours"
    read -r ours_s ours_rss < <(measure bash -c "dotnet '$dll' --publish '$build' '$layer' '$results/ours' --format $format --level $level > '$results/ours.txt'")
    cp "$(sed -n 's/.* archive=\([^ ]*\) .*/\1/p' "$results/ours.txt")" "$results/ours.tar.$format"
    publish_s=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$results/ours.txt")
    ours_ws=$(sed -n 's/.*peak_working_set_mb=\([0-9.]*\).*/\1/p' "$results/ours.txt")
    gnu_size=$(stat -c %s "$results/gnu.tar.$format")
    sorted_size=$(stat -c %s "$results/sorted.tar.$format")
    for tool in gnu sorted ours; do
      case "$tool" in
        gnu) label="GNU tar + $compressor (readdir order)"; t=$gnu_s; rss="$gnu_rss MB" ;;
        sorted) label="GNU tar --sort=name + $compressor"; t=$sorted_s; rss="$sorted_rss MB" ;;
        ours) label="ours: PublishEngine (whole process; publish alone $publish_s s)"; t=$ours_s; rss="$ours_rss MB (own peak working set $ours_ws MB)" ;;
      esac
      size=$(stat -c %s "$results/$tool.tar.$format")
      rows+=("$(awk -v f="$format" -v r="$run" -v l="$label" -v t="$t" -v g="$gnu_s" -v st="$sorted_s" -v z="$size" -v gz="$gnu_size" -v sz="$sorted_size" -v m="$rss" \
        'BEGIN { printf "| tar.%s | %d | %s | %.1f s | %.2f | %.2f | %.1f MB | %+.2f%% | %+.2f%% | %s |", f, r, l, t, t / g, t / st, z / 1048576, (z - gz) * 100 / gz, (z - sz) * 100 / sz, m }')")
    done
    rm -f "$results"/*.tar."$format"
  done
done
after="$(uptime)"

{
  echo "**Machine:** $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r);"
  echo ".NET SDK $(dotnet --version); $(tar --version | head -n 1), $(xz --version | head -n 1), $(zstd --version)."
  echo
  echo "**Tree:** $tree_mb MB, $tree_files entries: $(basename "$base") plus padding from the other pyenv prefixes, without what publishing leaves out (generated under \`$work\`)."
  echo
  echo "**Load:** before \`${before# }\`; after \`${after# }\`."
  echo
  echo "**Commands:** GNU \`tar [--sort=name] -cf - -C BUILD $layer | xz -T0 -6\` / \`| zstd -T0 -3 -q\`; ours \`dotnet tests/VenvStacks.Benchmarks/bin/Release/net10.0/VenvStacks.Benchmarks.dll --publish BUILD $layer OUT --format xz|zst --level 6|3\` (threads = $(nproc); the process time includes .NET start-up, writing the spec, lock and build record)."
  echo
  echo "| Format | Run | Tool | Wall time | Time / GNU | Time / GNU sorted | Size | Size vs GNU | Size vs GNU sorted | Peak RSS (largest process) |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > "$out"
echo "$out"
