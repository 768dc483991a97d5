namespace BugTrail.Web.Services;

/// <summary>
/// First-run setup creates exactly one account: the check "no account yet" and the creation happen under one gate, so
/// parallel submissions cannot each see an empty table. (One process; with several nodes, setup is done before scaling out.)
/// </summary>
public sealed class FirstRunGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        await gate.WaitAsync();
        try { return await work(); }
        finally { gate.Release(); }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>A request from this machine itself: a loopback peer that is not relaying someone else's request.</summary>
    public static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
}
