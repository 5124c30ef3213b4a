using System.Text;

namespace VenvStacks.TestSupport.IndexServer;

/// <summary>The request line and headers of an HTTP/1.1 request (the server only serves GET and HEAD, without bodies).</summary>
internal sealed record HttpRequestHead(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    private const int MaxHeadBytes = 64 * 1024;

    /// <summary>Reads up to the blank line that ends the head; null when the peer closed first or sent garbage.</summary>
    public static async Task<HttpRequestHead?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return Parse(Encoding.Latin1.GetString(buffer, 0, end));
            }
        }

        return null;
    }

    private static HttpRequestHead? Parse(string head)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }

        return new HttpRequestHead(requestLine[0], requestLine[1], headers);
    }
}
