#!/usr/bin/env bash
# Packs this machine's CPython 3.11 and 3.12 as python-build-standalone style runtime archives, the offline stand-in
# for downloaded runtimes in tests (docs/venvstacks-reference.md §3.2):
#
#   build/make-test-runtime.sh <out-dir> [python...]
#
# Without python arguments, CPython 3.11 and 3.12 are looked up in this order (the same order as the tests' TestPython):
#   1. $VENVSTACKS_TEST_PYTHON, when it is that minor version;
#   2. pythonX.Y, then python3, on PATH (each is run to learn its version; a pyenv shim that cannot run is skipped);
#   3. pyenv: $PYENV_ROOT (else ~/.pyenv) versions/X.Y.Z, newest patch first.
# A candidate qualifies only when its sys.base_prefix is a self-contained installation: bin/pythonX.Y plus
# lib/pythonX.Y/ensurepip/_bundled/pip-*.whl (a distribution's /usr Python has no bundled wheels and is skipped).
# With python arguments, exactly those interpreters are packed (each must qualify).
#
# Output, in <out-dir>:
#   cpython-X.Y.Z+<tag>-<triple>-install_only_stripped.tar.gz   one per Python
#   python-downloads.json                                        the download table (format below)
# Archive layout is python-build-standalone's install_only_stripped: one top folder python/ with bin/, include/,
# lib/ (libpython, lib/pythonX.Y stdlib incl. lib-dynload), share/man; lib/pythonX.Y/site-packages holds exactly
# what ensurepip installs (pip, and setuptools for 3.11), as python-build-standalone ships them, so a build's
# "remove pip, setuptools, wheel" step has real RECORD-listed files to remove. Everything else third-party, the test
# suites (test/, idlelib/idle_test, tkinter/test, ctypes/test, distutils/tests, lib2to3/tests, unittest/test),
# __pycache__ folders, static libraries and python-gdb.py are left out. Relocatable: bin/pythonX.Y and every ELF
# file whose RUNPATH names the original prefix get a $ORIGIN-relative RUNPATH (patchelf); binaries are stripped when
# `strip` exists; console scripts start with python-build-standalone's relocatable /bin/sh trampoline (and their
# RECORD hashes are updated). Each archive is proven by extracting it, moving the tree, and importing
# ssl/sqlite3/ctypes/venv with the moved interpreter (it must report the moved prefix and load its own libpython).
# The archives still need the system libraries of the machine kind they were made on (libssl, libsqlite3, ...).
#
# Release tag: the UTC date (YYYYMMDD) of $SOURCE_DATE_EPOCH when set, else 20990101 — a date python-build-standalone
# never released, so a test runtime can never be mistaken for a real download. Archive entry times are
# $SOURCE_DATE_EPOCH, else 2020-02-02; entries are sorted and owned by 0:0, so the same inputs give the same bytes.
#
# python-downloads.json has the format of src/VenvStacks.Core/Runtimes/python-build-standalone.json
# ("python-build-standalone/v1"): versions -> exact X.Y.Z -> venvstacks platform (linux_x86_64, linux_aarch64) ->
# {variant, release_tag, triple, url, sha256}. Each `url` is RELATIVE: the archive's file name with `+` written as
# `%2B` (as upstream URLs write it), resolved against the table's own location like any relative reference. So the
# folder works as a mirror both in place (file:///.../python-downloads.json) and served over HTTP
# (http://127.0.0.1:PORT/python-downloads.json).
#
# Re-runs are fast: when the script, the tag and the chosen Pythons (version, prefix, interpreter and libpython size
# and time) are unchanged and every archive is present, nothing is rebuilt. Archives of Pythons no longer chosen are
# deleted, so the folder always holds exactly the table's archives.
# Needs: bash, python (the packed ones), patchelf, readelf, tar, gzip; optionally strip.
set -euo pipefail

usage() {
  echo "usage: $0 <out-dir> [python...]" >&2
  exit 2
}
(($# >= 1)) || usage
out_dir="$1"
shift
script_path="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

fail() {
  echo "make-test-runtime: $*" >&2
  exit 1
}

for tool in patchelf readelf tar gzip sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is required (apt-get install patchelf binutils tar gzip coreutils)"
done

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux_x86_64 triple=x86_64-unknown-linux-gnu ;;
  Linux-aarch64) platform=linux_aarch64 triple=aarch64-unknown-linux-gnu ;;
  *) fail "unsupported host $(uname -s) $(uname -m): only glibc Linux x86_64 and aarch64 are packed" ;;
esac

if [[ -n "${SOURCE_DATE_EPOCH:-}" ]]; then
  release_tag="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y%m%d)"
  entry_time="$SOURCE_DATE_EPOCH"
else
  release_tag=20990101
  entry_time=1580601600
fi

# Prints "X.Y.Z<TAB>base_prefix" for an interpreter, or nothing when it cannot run.
probe() {
  env -u PYTHONHOME -u PYTHONPATH "$1" -I -c \
    'import sys; print("%d.%d.%d\t%s" % (sys.version_info[:3] + (sys.base_prefix,)))' 2>/dev/null || true
}

# Whether base_prefix holds a self-contained CPython X.Y installation that can be packed.
self_contained() {
  local prefix="$1" minor="$2"
  [[ "$prefix" != /usr && -x "$prefix/bin/python$minor" ]] && compgen -G "$prefix/lib/python$minor/ensurepip/_bundled/pip-*.whl" >/dev/null
}

# Candidates for a minor version, in discovery order.
candidates() {
  local minor="$1" found pyenv_root
  [[ -n "${VENVSTACKS_TEST_PYTHON:-}" ]] && echo "$VENVSTACKS_TEST_PYTHON"
  for name in "python$minor" python3; do
    found="$(command -v "$name" 2>/dev/null)" && echo "$found"
  done
  pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
  if [[ -d "$pyenv_root/versions" ]]; then
    find "$pyenv_root/versions" -mindepth 1 -maxdepth 1 -name "$minor.*" -printf '%f\n' |
      grep -E "^${minor//./\\.}\.[0-9]+$" | sort -rV | while read -r version; do
        echo "$pyenv_root/versions/$version/bin/python$minor"
      done
  fi
  return 0
}

# Sets chosen_version and chosen_prefix for the first qualifying candidate of a minor version.
choose() {
  local minor="$1" candidate probed
  local tried=()
  while read -r candidate; do
    tried+=("$candidate")
    probed="$(probe "$candidate")"
    [[ -n "$probed" ]] || continue
    chosen_version="${probed%%$'\t'*}"
    chosen_prefix="${probed#*$'\t'}"
    [[ "${chosen_version%.*}" == "$minor" ]] && self_contained "$chosen_prefix" "$minor" && return 0
  done < <(candidates "$minor")
  fail "no self-contained CPython $minor found (tried: ${tried[*]:-nothing}); install one with pyenv or pass it as an argument"
}

versions=()
prefixes=()
if (($# > 0)); then
  for python in "$@"; do
    probed="$(probe "$python")"
    [[ -n "$probed" ]] || fail "'$python' does not run"
    version="${probed%%$'\t'*}"
    prefix="${probed#*$'\t'}"
    self_contained "$prefix" "${version%.*}" || fail "'$python' ($version, prefix $prefix) is not a self-contained installation with ensurepip's bundled wheels"
    versions+=("$version")
    prefixes+=("$prefix")
  done
else
  for minor in 3.11 3.12; do
    choose "$minor"
    versions+=("$chosen_version")
    prefixes+=("$chosen_prefix")
  done
fi

archive_name() { echo "cpython-$1+$release_tag-$triple-install_only_stripped.tar.gz"; }

mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd -P)"
script_hash="$(sha256sum "$script_path" | cut -d' ' -f1)"

# What an archive is made from; unchanged inputs mean the archive is reused.
inputs_of() {
  local version="$1" prefix="$2" minor="${1%.*}"
  echo "$script_hash $release_tag $entry_time $triple $version $prefix"
  stat -L -c '%n %s %Y' "$prefix/bin/python$minor" "$prefix"/lib/libpython"$minor"*.so* 2>/dev/null || true
  ls "$prefix/lib/python$minor/ensurepip/_bundled"
}
stamp_of() { echo "$out_dir/.make-test-runtime.$1"; }

up_to_date=true
[[ -f "$out_dir/python-downloads.json" && -f "$(stamp_of table)" && "$(cat "$(stamp_of table)")" == "${versions[*]}" ]] || up_to_date=false
for i in "${!versions[@]}"; do
  stamp="$(stamp_of "${versions[$i]}")"
  [[ -f "$out_dir/$(archive_name "${versions[$i]}")" && -f "$stamp" &&
    "$(cat "$stamp")" == "$(inputs_of "${versions[$i]}" "${prefixes[$i]}")" ]] || up_to_date=false
done
if $up_to_date; then
  echo "make-test-runtime: up to date in $out_dir (${versions[*]})"
  exit 0
fi
rm -f "$(stamp_of table)"

work="$(mktemp -d "$out_dir/.work.XXXXXX")"
trap 'rm -rf "$work"' EXIT

is_elf() { [[ -f "$1" && ! -L "$1" ]] && [[ "$(od -An -tx1 -N4 "$1" | tr -d ' ')" == 7f454c46 ]]; }

# The relative RUNPATH from a file's folder to <root>/lib.
origin_runpath() {
  local root="$1" file="$2" dir up=""
  dir="$(dirname "${file#"$root"/}")"
  while [[ "$dir" != . ]]; do
    up="$up/.."
    dir="$(dirname "$dir")"
  done
  echo "\$ORIGIN$up/lib"
}

# Rewrites every RUNPATH/RPATH entry under the original prefix to a $ORIGIN-relative one; other entries stay.
relocate_elf() {
  local root="$1" original="$2" file="$3" current entry entries rewritten=() changed=false
  current="$(patchelf --print-rpath "$file" 2>/dev/null || true)"
  [[ -n "$current" ]] || return 0
  IFS=: read -r -a entries <<<"$current"
  for entry in "${entries[@]}"; do
    if [[ "$entry" == "$original/lib" || "$entry" == "$original/lib/"* ]]; then
      rewritten+=("$(origin_runpath "$root" "$file")${entry#"$original/lib"}")
      changed=true
    else
      rewritten+=("$entry")
    fi
  done
  if $changed; then
    patchelf --set-rpath "$(IFS=:; echo "${rewritten[*]}")" "$file"
  fi
}

# python-build-standalone's relocatable console-script header: /bin/sh re-executes the script with the interpreter
# next to it; Python reads the same lines as a harmless string expression.
relocatable_header() {
  printf '#!/bin/sh\n'"'''"'exec'"'"' "$(dirname -- "$(realpath -- "$0")")"/'"'"'%s'"'"' "$0" "$@"\n'"'"' '"'''"'\n' "$1"
}

pack() {
  local version="$1" original="$2" minor="${1%.*}"
  local stage="$work/$version" root="$work/$version/python"
  local stdlib="lib/python$minor"
  echo "make-test-runtime: packing CPython $version from $original"
  mkdir -p "$root"
  (cd "$original" && tar -cf - \
    --exclude="./$stdlib/test" --exclude="./$stdlib/idlelib/idle_test" --exclude="./$stdlib/tkinter/test" \
    --exclude="./$stdlib/ctypes/test" --exclude="./$stdlib/distutils/tests" --exclude="./$stdlib/lib2to3/tests" \
    --exclude="./$stdlib/unittest/test" --exclude="./$stdlib/site-packages" --exclude='__pycache__' \
    --exclude='*.pyc' --exclude='*.a' --exclude='./lib/python*/config-*/python.o' \
    ./include ./lib) | (cd "$root" && tar -xf -)
  mkdir -p "$root/bin" "$root/$stdlib/site-packages" "$root/share/man/man1"
  cp -P "$original"/bin/python* "$original"/bin/2to3* "$original"/bin/idle* "$original"/bin/pydoc* "$root/bin/" 2>/dev/null || true
  rm -f "$root"/bin/python*-gdb.py
  [[ -f "$original/$stdlib/site-packages/README.txt" ]] && cp "$original/$stdlib/site-packages/README.txt" "$root/$stdlib/site-packages/"
  cp -P "$original"/share/man/man1/python* "$root/share/man/man1/" 2>/dev/null || true

  local elf_files=()
  while IFS= read -r -d '' file; do
    is_elf "$file" && elf_files+=("$file")
  done < <(find "$root/bin" "$root/lib" -type f -print0)
  if command -v strip >/dev/null 2>&1; then
    strip --strip-unneeded "${elf_files[@]}"
  fi
  for file in "${elf_files[@]}"; do
    relocate_elf "$root" "$original" "$file"
  done
  # The interpreter must find its own libpython wherever the tree lands, even if it had no RUNPATH at all.
  patchelf --set-rpath '$ORIGIN/../lib' "$root/bin/python$minor"

  # pip (and setuptools for 3.11) exactly as ensurepip installs them, run with the relocated interpreter itself.
  env -u PYTHONHOME -u PYTHONPATH PIP_CONFIG_FILE=/dev/null PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore \
    "$root/bin/python$minor" -I -m ensurepip --default-pip >"$work/ensurepip.log" 2>&1 ||
    fail "ensurepip failed in the copy of $original: $(cat "$work/ensurepip.log")"
  find "$root" -name __pycache__ -type d -prune -exec rm -rf {} +

  local script first second
  for script in "$root"/bin/*; do
    [[ -f "$script" && ! -L "$script" ]] && ! is_elf "$script" || continue
    first="$(head -n 1 "$script")"
    second="$(sed -n 2p "$script")"
    if [[ "$first" == '#!/bin/sh'* && "$second" == "'''exec'"* ]]; then
      # pip already wrote the trampoline (long interpreter path), but with the absolute path of this stage.
      { relocatable_header "python$minor"; tail -n +4 "$script"; } >"$script.new"
    elif [[ "$first" == '#!'*python* ]]; then
      { relocatable_header "python$minor"; tail -n +2 "$script"; } >"$script.new"
    else
      continue
    fi
    chmod --reference="$script" "$script.new"
    mv "$script.new" "$script"
  done
  # Keep RECORD true to the rewritten scripts (every listed file is re-hashed; only the scripts changed).
  env -u PYTHONHOME -u PYTHONPATH "$root/bin/python$minor" -I -B - "$root/$stdlib/site-packages" <<'PY'
import base64, csv, hashlib, io, os, sys
site = sys.argv[1]
for entry in os.listdir(site):
    record = os.path.join(site, entry, "RECORD")
    if not entry.endswith(".dist-info") or not os.path.isfile(record):
        continue
    with open(record, newline="") as f:
        rows = list(csv.reader(f))
    for row in rows:
        path = os.path.normpath(os.path.join(site, row[0]))
        if len(row) >= 3 and row[1] and os.path.isfile(path):
            data = open(path, "rb").read()
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            row[1], row[2] = "sha256=" + digest, str(len(data))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    with open(record, "w", newline="") as f:
        f.write(out.getvalue())
PY

  local name
  name="$(archive_name "$version")"
  tar -C "$stage" --sort=name --mtime="@$entry_time" --owner=0 --group=0 --numeric-owner --format=gnu -cf - python |
    gzip -n -6 >"$work/$name"
  verify "$work/$name" "$version"
  mv -f "$work/$name" "$out_dir/$name"
  rm -rf "$stage"
}

# Extract, move the tree somewhere else, and prove the moved interpreter is whole and uses its own libpython.
verify() {
  local archive="$1" version="$2" check="$work/verify-$2"
  mkdir -p "$check/extracted"
  tar -C "$check/extracted" -xzf "$archive"
  [[ "$(ls -A "$check/extracted")" == python ]] || fail "$archive: the only top-level entry must be python/"
  mv "$check/extracted/python" "$check/moved"
  local python="$check/moved/bin/python3" reported expected
  expected="$(cd "$check/moved" && pwd -P)"
  # /proc/self/maps names the libpython actually loaded: a copy that fell back to the system's would still start.
  reported="$(env -u PYTHONHOME -u PYTHONPATH -u LD_LIBRARY_PATH "$python" -I -B -c '
import ssl, sqlite3, ctypes, venv, sys, os, platform
print(sys.prefix)
print(platform.python_version())
print(os.path.dirname(os.path.realpath([l.split()[-1] for l in open("/proc/self/maps") if "/libpython" in l][0])))
')" || fail "$archive: the moved interpreter cannot import ssl, sqlite3, ctypes and venv"
  [[ "$reported" == "$expected"$'\n'"$version"$'\n'"$expected/lib" ]] ||
    fail "$archive: the moved interpreter reports '$reported', expected prefix '$expected', $version and its own lib/libpython"
  rm -rf "$check"
}

for i in "${!versions[@]}"; do
  stamp="$(stamp_of "${versions[$i]}")"
  inputs="$(inputs_of "${versions[$i]}" "${prefixes[$i]}")"
  if [[ -f "$out_dir/$(archive_name "${versions[$i]}")" && -f "$stamp" && "$(cat "$stamp")" == "$inputs" ]]; then
    continue
  fi
  rm -f "$stamp"
  pack "${versions[$i]}" "${prefixes[$i]}"
  echo "$inputs" >"$stamp"
done

# Only the chosen archives stay: the folder is the mirror the table describes.
for existing in "$out_dir"/cpython-*-install_only_stripped.tar.gz; do
  [[ -e "$existing" ]] || continue
  keep=false
  for version in "${versions[@]}"; do
    [[ "$(basename "$existing")" == "$(archive_name "$version")" ]] && keep=true
  done
  if ! $keep; then
    rm -f "$existing" "$(stamp_of "$(basename "$existing" | sed 's/^cpython-\([^+]*\)+.*/\1/')")"
  fi
done

entries=()
for version in "${versions[@]}"; do
  name="$(archive_name "$version")"
  entries+=("$version" "$name" "$(sha256sum "$out_dir/$name" | cut -d' ' -f1)")
done
env -u PYTHONHOME -u PYTHONPATH "${prefixes[0]}/bin/python${versions[0]%.*}" -I -B - \
  "$out_dir/python-downloads.json" "$platform" "$triple" "$release_tag" "${entries[@]}" <<'PY'
import json, sys
target, platform, triple, tag, *rest = sys.argv[1:]
entries = [rest[i:i + 3] for i in range(0, len(rest), 3)]
versions = {}
for version, name, sha256 in sorted(entries, key=lambda e: tuple(int(p) for p in e[0].split(".")), reverse=True):
    versions[version] = {platform: {
        "variant": "install_only_stripped",
        "release_tag": tag,
        "triple": triple,
        "url": name.replace("+", "%2B"),
        "sha256": sha256,
    }}
table = {
    "format": "python-build-standalone/v1",
    "source": {
        "project": "VenvStacks.Sdk build/make-test-runtime.sh",
        "version": tag,
        "table": "generated from this machine's CPython installations",
        "archives_hosted_by": "this folder (urls are relative to this file)",
    },
    "selection": {
        "implementation": "cpython",
        "versions": "the CPython installations packed by build/make-test-runtime.sh",
        "variant_preference": ["install_only_stripped"],
    },
    "platforms": {platform: {"pbs_platform": "linux", "pbs_arch": triple.split("-")[0], "triple": triple}},
    "versions": versions,
    "missing": [],
    "freethreaded_only_versions_omitted": [],
}
with open(target + ".partial", "w", encoding="utf-8", newline="\n") as f:
    json.dump(table, f, indent=1)
    f.write("\n")
import os
os.replace(target + ".partial", target)
PY
echo "${versions[*]}" >"$(stamp_of table)"
echo "make-test-runtime: wrote $out_dir/python-downloads.json (${versions[*]})"
