using VenvStacks.Core.Export;
using VenvStacks.TestSupport.Runtimes;

namespace VenvStacks.Core.Tests.Export;

/// <summary>
/// One <see cref="TestStack"/> built and exported once for every test that only looks at the result, with snapshots
/// of the build tree taken before and after the export. Tests that change the stack make their own.
/// </summary>
public sealed class ExportedStackFixture : IAsyncLifetime
{
    private TestStack? _stack;

    internal TestStack Stack => _stack ?? throw new InvalidOperationException(TestRuntimes.SkipReason ?? "Not initialised.");

    public string Output => Path.Combine(Stack.Root, "out");

    public ExportResult Result { get; private set; } = null!;

    public SortedDictionary<string, string> BuildBefore { get; private set; } = null!;

    public SortedDictionary<string, string> BuildAfter { get; private set; } = null!;

    public string LayerFolder(string buildName) => Path.Combine(Output, Stack.InstallTarget(buildName));

    public async Task InitializeAsync()
    {
        if (TestRuntimes.SkipReason is not null)
        {
            return;
        }

        var runtimes = await TestRuntimes.GetAsync();
        _stack = await TestStack.CreateAsync(runtimes.For("3.11"));
        BuildBefore = Folders.Snapshot(_stack.BuildDirectory);
        Result = await _stack.ExportAsync(Output);
        BuildAfter = Folders.Snapshot(_stack.BuildDirectory);
    }

    public Task DisposeAsync()
    {
        _stack?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The tests sharing <see cref="ExportedStackFixture"/> (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ExportedStackCollection : ICollectionFixture<ExportedStackFixture>
{
    public const string Name = "Exported test stack";
}
