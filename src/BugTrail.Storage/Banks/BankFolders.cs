using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Scenarios.Loading;

namespace BugTrail.Storage.Banks;

/// <summary>A bank path that cannot be used at all (it does not exist); a usage error, not a scenario error.</summary>
public sealed class BankNotFoundException(string path)
    : Exception($"{path}: no such scenario bank or scenario folder")
{
    public string Path { get; } = path;
}

/// <summary>Reads scenario folders from disk: the file-system edge of the scenario bank.</summary>
public static class BankFolders
{
    public const string ScenarioFile = "scenario.yaml";
    public const string BuggyFile = "buggy.py";
    public const string FixedFile = "fixed.py";

    /// <summary>Files larger than this are refused: a scenario is prose and a short listing, not data.</summary>
    public const long MaxFileBytes = 512 * 1024;

    /// <summary>
    /// The shipped bank: <c>scenarios/</c> of the source checkout when running from one (so errors name
    /// the files an author edits), else the copy deployed beside the executable.
    /// </summary>
    public static string ShippedBankPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BugTrail.slnx")) && Directory.Exists(System.IO.Path.Combine(dir.FullName, "scenarios")))
                return System.IO.Path.Combine(dir.FullName, "scenarios");
        }
        return System.IO.Path.Combine(AppContext.BaseDirectory, "scenarios");
    }

    /// <summary>Loads the given banks (the shipped one first, then private ones) into one bank.</summary>
    public static ScenarioBank Load(IEnumerable<string> paths) => ScenarioBank.Load(paths.SelectMany(Read));

    /// <summary>
    /// Reads a bank folder (one scenario per sub-folder), a single scenario folder, or a scenario.yaml file.
    /// </summary>
    public static IReadOnlyList<ScenarioSource> Read(string path)
    {
        if (File.Exists(path) && System.IO.Path.GetFileName(path) == ScenarioFile)
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
            return [ReadScenario(folder, Top(folder))];
        }
        if (!Directory.Exists(path)) throw new BankNotFoundException(path);
        if (File.Exists(System.IO.Path.Combine(path, ScenarioFile))) return [ReadScenario(path, Top(path))];

        var top = Top(path);
        var sources = new List<ScenarioSource>();
        foreach (var folder in Directory.EnumerateDirectories(path).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(folder);
            if (name.StartsWith('.')) continue;
            if (File.Exists(System.IO.Path.Combine(folder, ScenarioFile)) || File.Exists(System.IO.Path.Combine(folder, BuggyFile)))
                sources.Add(ReadScenario(folder, top));
        }
        return sources;
    }

    /// <summary>A bank folder, links resolved, as the prefix every file read from it must have.</summary>
    private static string Top(string bank) => RealPath(bank).TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;

    /// <summary>The path with every link along it resolved, as far as it exists.</summary>
    private static string RealPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var parent = System.IO.Path.GetDirectoryName(full);
        var resolvedParent = parent is null ? null : RealPath(parent);
        var here = resolvedParent is null ? full : System.IO.Path.Combine(resolvedParent, System.IO.Path.GetFileName(full));
        FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
        return info.LinkTarget is null ? here : RealPath(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? here);
    }

    /// <param name="top">The bank's <see cref="Top"/>: a bank is shown to candidates, so a file whose links lead elsewhere
    /// (a key, a config) must not be read into a scenario.</param>
    private static ScenarioSource ReadScenario(string folder, string top)
    {
        var problems = new List<Diagnostic>();
        string? Text(string name, out string display)
        {
            var file = System.IO.Path.Combine(folder, name);
            display = Display(file);
            if (!File.Exists(file)) return null;
            if (!RealPath(file).StartsWith(top, StringComparison.Ordinal))
            {
                problems.Add(new(display, 1, "is a link to a file outside the bank; refused (a bank's files must live in the bank)"));
                return null;
            }
            if (new FileInfo(file).Length > MaxFileBytes)
            {
                problems.Add(new(display, 1, $"file is larger than {MaxFileBytes / 1024} KiB; a scenario file should be far smaller"));
                return null;
            }
            return File.ReadAllText(file);
        }
        var yaml = Text(ScenarioFile, out var yamlPath);
        var buggy = Text(BuggyFile, out var buggyPath);
        var fixedText = Text(FixedFile, out var fixedPath);
        return new ScenarioSource(yamlPath, yaml, buggyPath, buggy, fixedPath, fixedText) { ReadErrors = problems };
    }

    private static string Display(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}
