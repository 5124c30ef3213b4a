namespace VenvStacks.TestSupport.IndexServer;

/// <summary>What an injected fault does to a matching request.</summary>
public enum ServerFaultKind
{
    /// <summary>Answer with <see cref="ServerFault.Status"/> (503 by default) and a short body.</summary>
    Status,

    /// <summary>Close the connection without answering (a connection error for the client).</summary>
    Disconnect,

    /// <summary>Send the headers and <see cref="ServerFault.BytesBeforeStall"/> body bytes, then hang until
    /// <see cref="LocalIndexServer.ReleaseStalledResponses"/> or disposal (to test timeouts and cancellation).</summary>
    Stall,
}

/// <summary>A fault for the next <see cref="Times"/> requests whose path starts with <see cref="PathPrefix"/>.</summary>
/// <param name="PathPrefix">Matched against the decoded request path, for example <c>/simple/demo/</c> or <c>/files/</c>.</param>
/// <param name="Times">How many matching requests are affected.</param>
/// <param name="Kind">What happens to them.</param>
public sealed record ServerFault(string PathPrefix, int Times, ServerFaultKind Kind = ServerFaultKind.Status)
{
    /// <summary>The status for <see cref="ServerFaultKind.Status"/> faults.</summary>
    public int Status { get; init; } = 503;

    /// <summary>Extra response headers for <see cref="ServerFaultKind.Status"/> faults (for example <c>Retry-After</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>For <see cref="ServerFaultKind.Stall"/>: body bytes sent before hanging.</summary>
    public int BytesBeforeStall { get; init; } = 1024;
}
