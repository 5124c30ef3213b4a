namespace VenvStacks.TestSupport.Sdk;

/// <summary>How a test project names the SDK version.</summary>
public enum SdkReferenceStyle
{
    /// <summary><c>&lt;Project Sdk="VenvStacks.Sdk"&gt;</c> with the version in global.json <c>msbuild-sdks</c> (recommended).</summary>
    GlobalJson,

    /// <summary><c>&lt;Project Sdk="VenvStacks.Sdk/1.2.3"&gt;</c>, global.json without <c>msbuild-sdks</c>.</summary>
    ProjectAttribute,
}
