using VenvStacks.TestSupport.Sdk;

namespace VenvStacks.Sdk.Tests;

/// <summary>
/// Every test that needs the packed SDK joins this collection: the package is packed once per run, and the tests
/// run one after another, which is what a 2-core machine running real `dotnet build`s can sustain.
/// </summary>
[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<PackedSdkFixture>
{
    /// <summary>The collection name for <c>[Collection(E2ECollection.Name)]</c>.</summary>
    public const string Name = "Packed VenvStacks.Sdk";
}
