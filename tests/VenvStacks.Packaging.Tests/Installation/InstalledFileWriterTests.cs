using System.Text;
using VenvStacks.Packaging.Installation;
using VenvStacks.Packaging.Tests.Index;
using VenvStacks.Packaging.Wheels;

namespace VenvStacks.Packaging.Tests.Installation;

/// <summary>The second read of an entry must be what the RECORD check saw: an archive changed on disk in between is
/// caught, and what was created is removed again.</summary>
public class InstalledFileWriterTests
{
    private static readonly byte[] Verified = Encoding.UTF8.GetBytes("VALUE = 1\n");
    private static readonly RecordEntry Row = RecordEntry.ForContent("pkg/mod.py", Verified);

    [Theory]
    [InlineData("VALUE = 2\n")]
    [InlineData("VALUE = 1\n# appended after the check\n")]
    [InlineData("VALUE")]
    public void Content_that_changed_since_verification_is_refused_and_rolled_back(string changed)
    {
        using var folder = new TestFolder();
        var destination = folder.Combine("site", "pkg", "mod.py");
        using var writer = new InstalledFileWriter();
        using var content = new CountingStream(Encoding.UTF8.GetBytes(changed));

        Should.Throw<InvalidDataException>(() => writer.Write(content, Row, Verified.Length, destination, false, null, null, CancellationToken.None));
        writer.Rollback();

        content.BytesRead.ShouldBeLessThanOrEqualTo(Verified.Length + 1);
        folder.AllFiles().ShouldBeEmpty();
        Directory.Exists(folder.Combine("site")).ShouldBeFalse();
    }

    [Fact]
    public void Verified_content_is_written()
    {
        using var folder = new TestFolder();
        var destination = folder.Combine("site", "pkg", "mod.py");
        using var writer = new InstalledFileWriter();

        writer.Write(new MemoryStream(Verified), Row, Verified.Length, destination, false, null, null, CancellationToken.None).ShouldBe(Verified.Length);

        File.ReadAllBytes(destination).ShouldBe(Verified);
        writer.BytesWritten.ShouldBe(Verified.Length);
    }

    private sealed class CountingStream(byte[] content) : MemoryStream(content)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
    }
}
