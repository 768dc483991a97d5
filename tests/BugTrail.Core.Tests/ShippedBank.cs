using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Scenarios.Loading;

namespace BugTrail.Core.Tests;

/// <summary>The repository's scenario bank, read once for all tests.</summary>
internal static class ShippedBank
{
    private static readonly Lazy<ScenarioBank> Bank = new(() => ScenarioBank.Load(
        Directory.GetDirectories(RepoFiles.Path("scenarios")).Order(StringComparer.Ordinal).Select(dir => new ScenarioSource(
            Path.Combine(dir, "scenario.yaml"), ReadOrNull(Path.Combine(dir, "scenario.yaml")),
            Path.Combine(dir, "buggy.py"), ReadOrNull(Path.Combine(dir, "buggy.py")),
            Path.Combine(dir, "fixed.py"), ReadOrNull(Path.Combine(dir, "fixed.py"))))));

    public static ScenarioBank Value => Bank.Value;

    public static Scenario Scenario(string id) => Bank.Value.Find(id) ?? throw new InvalidOperationException($"no valid scenario '{id}'");

    public static ReplayResult Replay(string file)
    {
        var path = RepoFiles.Path("tests", "BugTrail.Core.Tests", "Replays", file);
        return ReplayRunner.Run(ReplayScript.Parse(path, File.ReadAllText(path)), Bank.Value, Readers.Meaning, path);
    }

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
