using System.Diagnostics;

namespace BugTrail.Cli.Tests;

/// <summary>Debian's Chromium, headless, as the test script installs it (no browser download).</summary>
internal static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>Where screenshots are kept as test artifacts.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(Bugtrail.RepoRoot, "artifacts", "screenshots")).FullName;

    public static void Screenshot(string url, string png, int width = 1100, int height = 1600) =>
        Run("--screenshot=" + png, $"--window-size={width},{height}", url);

    public static string DumpDom(string url) => Run("--dump-dom", url);

    private static string Run(params string[] args)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={Bugtrail.TempFolder()}" }.Concat(args))
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "chromium did not finish");
        return stdout.Result;
    }
}
