using System.Diagnostics;

namespace BugTrail.Cli.Tests;

public sealed record CliResult(int Exit, string Out, string Err);

/// <summary>Runs the real <c>bugtrail</c> executable, as a user would, and captures what it prints.</summary>
internal static class Bugtrail
{
    public static string RepoRoot { get; } = FindRoot();

    public static CliResult Run(params string[] args) => RunIn(RepoRoot, args);

    public static CliResult RunIn(string workingDirectory, params string[] args) => Converse(workingDirectory, args, []);

    /// <summary>Runs bugtrail with lines typed on its standard input, then the input closed (as a candidate ending a session).</summary>
    public static CliResult Converse(string workingDirectory, string[] args, IEnumerable<string> lines)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bugtrail.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        foreach (var line in lines) process.StandardInput.WriteLine(line);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000), $"bugtrail {string.Join(' ', args)} did not finish");
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A fresh folder outside the repository, as an outsider's private bank would be.</summary>
    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "bugtrail-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BugTrail.slnx"))) return dir.FullName;
        throw new InvalidOperationException("tests must run inside the BugTrail checkout");
    }
}
