using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BugTrail.Storage.Tests;

/// <summary>
/// A throw-away PostgreSQL cluster on a loopback port, from Debian's postgresql package (installed by the
/// test script). Run as the postgres user when the tests run as root, since the server refuses root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bugtrail-pg-").FullName;
    private readonly string bin = Directory.GetDirectories("/usr/lib/postgresql").Order().LastOrDefault() is { } v
        ? Path.Combine(v, "bin") : throw new InvalidOperationException("PostgreSQL is not installed (scripts/install-test-deps.sh installs it)");

    public int Port { get; } = FreePort();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public async Task StartAsync()
    {
        var data = Path.Combine(folder, "data");
        if (Environment.UserName == "root") Run("chown", "-R", "postgres:postgres", folder);
        Postgres("initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync");
        Postgres("pg_ctl", "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        await Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        try { Postgres("pg_ctl", "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"); } catch (InvalidOperationException) { }
        return ValueTask.CompletedTask;
    }

    private void Postgres(string tool, params string[] args)
    {
        var path = Path.Combine(bin, tool);
        if (Environment.UserName == "root") Run("runuser", ["-u", "postgres", "--", path, .. args]);
        else Run(path, args);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000) || p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {output.Result} {error.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
