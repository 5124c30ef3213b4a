#!/usr/bin/env bash
# Runs the main job on the demo stack (testassets/demo) the way a user would: packs the SDK into a local feed, writes
# a standalone project folder that consumes it through global.json `msbuild-sdks`, then runs
#   dotnet build -t:ShowLayers     (the layer tree, nothing locked yet: every layer starred)
#   dotnet build                   (validate, lock every layer, build the layers into obj/venvstacks/build/)
#   dotnet build -t:ShowLayers     (now locked)
#   the built application layers   (<layer>/bin/python -m <launch module>)
#   dotnet build                   (again: nothing to do, LockLayers and BuildLayers skipped)
# There is no PyPI or GitHub here, so the stack is locked offline (VenvStacksNoIndex) from a folder of the real wheels
# this kind of machine carries (pyenv's ensurepip bundles, Debian's python-wheels), and its runtime is the machine's
# CPython 3.11 packed like a python-build-standalone archive (build/make-test-runtime.sh, needs patchelf), named by
# VenvStacksPythonDownloads. With internet access, drop those properties and the same stack uses PyPI and
# python-build-standalone.
# Everything goes to artifacts/demo/ (feed, private NuGet packages folder, wheels, runtime, project, binlogs).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
demo_root="$repo_root/artifacts/demo"
rm -rf "$demo_root"
mkdir -p "$demo_root/work/stack" "$demo_root/logs"

version="$("$repo_root/build/pack.sh" "$demo_root/feed" | tail -n 1)"
sdk_version="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$repo_root/global.json" | head -n 1)"

work="$demo_root/work"
cp -R "$repo_root/testassets/demo/." "$work/stack/"
# Cut the folder off from the repository's build settings and NuGet configuration.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Build.targets"
printf '<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n' \
  > "$work/Directory.Packages.props"
cat > "$work/global.json" <<JSON
{
  "sdk": { "version": "$sdk_version", "rollForward": "latestFeature" },
  "msbuild-sdks": { "VenvStacks.Sdk": "$version" }
}
JSON
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="venvstacks-local" value="$demo_root/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="venvstacks-local"><package pattern="VenvStacks.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

wheels="$demo_root/wheels"
mkdir -p "$wheels"
# ensurepip's wheel folder of every CPython found the way the tests find one: $VENVSTACKS_TEST_PYTHON, python3 on
# PATH, then every pyenv version ($PYENV_ROOT, else ~/.pyenv); then Debian's python-wheels.
bundled_wheel_dirs() {
  local python
  for python in "${VENVSTACKS_TEST_PYTHON:-}" "$(command -v python3 || true)"; do
    [[ -n "$python" ]] && env -u PYTHONHOME -u PYTHONPATH "$python" -I -c \
      'import ensurepip, os; print(os.path.join(os.path.dirname(ensurepip.__file__), "_bundled"))' 2>/dev/null
  done
  local pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
  for python in "$pyenv_root"/versions/*/bin/python3; do
    [[ -x "$python" ]] && echo "${python%/bin/python3}"/lib/python3*/ensurepip/_bundled
  done
  echo /usr/share/python-wheels
  return 0
}
while read -r folder; do
  for wheel in "$folder"/*.whl; do
    [[ -f "$wheel" ]] && cp -n "$wheel" "$wheels/"
  done
done < <(bundled_wheel_dirs)
if ! compgen -G "$wheels/*.whl" >/dev/null; then
  echo "No wheels found on this machine to lock the demo stack from" >&2
  exit 1
fi
# The runtime: the machine's CPython 3.11, packed once per machine; the spec names its exact version.
runtimes="$repo_root/artifacts/test-runtimes/demo"
"$repo_root/build/make-test-runtime.sh" "$runtimes" >/dev/null
py311="$(sed -n 's/^ *"\(3\.11\.[0-9]*\)": *{.*/\1/p' "$runtimes/python-downloads.json" | head -n 1)"
if [[ -z "$py311" ]]; then
  py311="$(grep -o '"3\.11\.[0-9]*"' "$runtimes/python-downloads.json" | head -n 1 | tr -d '"')"
fi
[[ -n "$py311" ]] || { echo "make-test-runtime.sh packed no CPython 3.11" >&2; exit 1; }
sed -i "s/cpython@3\.11\.[0-9]*/cpython@$py311/" "$work/stack/venvstacks.toml"
lock_properties=(-p:VenvStacksLocalWheels="$wheels" -p:VenvStacksNoIndex=true -p:VenvStacksCacheDir="$demo_root/cache"
  -p:VenvStacksPythonDownloads="$runtimes/python-downloads.json")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
export NUGET_PACKAGES="$demo_root/packages"

cd "$work/stack"
echo "== dotnet build -t:ShowLayers ($work/stack/stack.venvproj, VenvStacks.Sdk $version)"
dotnet build stack.venvproj -t:ShowLayers -nodeReuse:false -bl:"$demo_root/logs/show.binlog"
echo "== dotnet build (locks every layer from $wheels, builds the layers on CPython $py311)"
dotnet build stack.venvproj -nodeReuse:false "${lock_properties[@]}" -bl:"$demo_root/logs/build.binlog"
echo "== dotnet build -t:ShowLayers (locked)"
dotnet build stack.venvproj -t:ShowLayers -nodeReuse:false -bl:"$demo_root/logs/show-locked.binlog"
for summary in requirements/*/packages-*.txt; do
  echo "== $summary"
  cat "$summary"
done
for app in hello dashboard; do
  echo "== obj/venvstacks/build/app-$app/bin/python -m <launch module>"
  module="$(sed -n "/name = \"$app\"/,/^\[/s/^launch_module = \"launch\/\(.*\)\.py\"/\1/p" venvstacks.toml)"
  (cd "$work" && "$work/stack/obj/venvstacks/build/app-$app/bin/python" -m "$module")
done
echo "== dotnet build (again: nothing to do)"
dotnet build stack.venvproj -nodeReuse:false "${lock_properties[@]}" -bl:"$demo_root/logs/rebuild.binlog"
echo "Demo finished. Project: $work/stack  Lock files: $work/stack/requirements  Layers: $work/stack/obj/venvstacks/build  Binary logs: $demo_root/logs"
