using VenvStacks.Packaging.Credentials;
using VenvStacks.Packaging.Index;

namespace VenvStacks.Packaging.SimpleRepositoryApi;

/// <summary>PEP 629 repository API versions: a major version other than 1 means the page cannot be understood.</summary>
internal static class ApiVersions
{
    public static void Check(string? version, Uri pageUrl)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            return;
        }

        var major = version.Split('.')[0].Trim();
        if (major != "1")
        {
            throw new PackageIndexException(
                IndexErrorCode.InvalidIndexResponse,
                $"{UrlRedactor.Redact(pageUrl)} uses simple repository API version {version}; only 1.x is supported.",
                pageUrl);
        }
    }
}
