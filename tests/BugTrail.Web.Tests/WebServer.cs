using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BugTrail.Web.Tests;

/// <summary>The real web app in its own process, on a free loopback port, with its own data folder.</summary>
public sealed class WebServer : IAsyncDisposable
{
    private Process? process;
    private readonly Dictionary<string, string> settings;

    public WebServer(string? dataFolder = null, IDictionary<string, string>? settings = null)
    {
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("bugtrail-web-").FullName;
        this.settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        Port = FreePort();
    }

    public string DataFolder { get; }
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = DataFolder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BugTrail.Web.dll"));
        start.Environment["Urls"] = Url;
        start.Environment["BugTrail__DataFolder"] = Path.Combine(DataFolder, "data");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        process = Process.Start(start)!;
        var logFile = Path.Combine(DataFolder, $"server-{Port}.log");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (this) File.AppendAllLines(logFile, [e.Data]); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (this) File.AppendAllLines(logFile, [e.Data]); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(Url)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            if (process.HasExited) throw new InvalidOperationException("the web app exited during start-up");
            await Task.Delay(100);
        }
        throw new TimeoutException("the web app did not start in 30 s");
    }

    /// <summary>Kills the process outright, as a crash would: nothing gets to shut down cleanly.</summary>
    public void Kill()
    {
        if (process is { HasExited: false }) { process.Kill(entireProcessTree: true); process.WaitForExit(); }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
