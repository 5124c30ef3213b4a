#!/usr/bin/env bash
# Runs the main job on the demo stack (testassets/demo) the way a user would: packs the SDK into a local feed, writes
# a standalone project folder that consumes it through global.json `msbuild-sdks`, then runs
#   dotnet build -t:ShowLayers     (the layer tree)
#   dotnet build                   (the whole pipeline the SDK implements so far)
# Everything goes to artifacts/demo/ (feed, private NuGet packages folder, project, binlogs).
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

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
export NUGET_PACKAGES="$demo_root/packages"

cd "$work/stack"
echo "== dotnet build -t:ShowLayers ($work/stack/stack.venvproj, VenvStacks.Sdk $version)"
dotnet build stack.venvproj -t:ShowLayers -nodeReuse:false -bl:"$demo_root/logs/show.binlog"
echo "== dotnet build"
dotnet build stack.venvproj -nodeReuse:false -bl:"$demo_root/logs/build.binlog"
echo "Demo finished. Project: $work/stack  Binary logs: $demo_root/logs"
