using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Scenarios.Loading;

namespace BugTrail.Core.Tests.Scenarios;

/// <summary>
/// A valid scenario (the shipped worked interview) as text, so a test can break exactly one thing
/// and check the error that follows.
/// </summary>
internal sealed record ScenarioFixture(string Yaml, string Buggy, string Fixed)
{
    public const string YamlPath = "bank/fixture/scenario.yaml";

    public static ScenarioFixture Valid { get; } = new(
        File.ReadAllText(RepoFiles.Path("scenarios", "attention-scaling-missing", "scenario.yaml")),
        File.ReadAllText(RepoFiles.Path("scenarios", "attention-scaling-missing", "buggy.py")),
        File.ReadAllText(RepoFiles.Path("scenarios", "attention-scaling-missing", "fixed.py")));

    public ScenarioFixture WithYaml(string find, string replace)
    {
        Assert.Contains(find, Yaml, StringComparison.Ordinal);
        return this with { Yaml = Yaml.Replace(find, replace, StringComparison.Ordinal) };
    }

    public ScenarioSource Source(string folder = "bank/fixture") =>
        new($"{folder}/scenario.yaml", Yaml, $"{folder}/buggy.py", Buggy, $"{folder}/fixed.py", Fixed);

    public IReadOnlyList<Diagnostic> Errors() => ScenarioBank.Load([Source()]).Errors;

    public Scenario Load()
    {
        var bank = ScenarioBank.Load([Source()]);
        Assert.Empty(bank.Errors);
        return Assert.Single(bank.Scenarios);
    }

    /// <summary>The 1-based line of the first line of the YAML containing <paramref name="text"/>.</summary>
    public int LineOf(string text) =>
        Yaml.Replace("\r\n", "\n").Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
