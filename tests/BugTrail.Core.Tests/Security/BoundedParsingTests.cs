using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios.Loading;

namespace BugTrail.Core.Tests.Security;

/// <summary>Files from bank authors and replay writers are parsed within bounds: a hostile file is an error with its line, never a crash.</summary>
public class BoundedParsingTests
{
    private static readonly string Deep = "title: " + new string('[', 60_000) + new string(']', 60_000) + "\n";

    [Fact]
    public void A_scenario_nested_sixty_thousand_levels_deep_is_an_error_not_a_stack_overflow()
    {
        var parsed = ScenarioParser.Parse(new ScenarioSource("bank/deep/scenario.yaml", Deep, "bank/deep/buggy.py", "x = 1\n", "bank/deep/fixed.py", "x = 2\n"));
        Assert.Null(parsed.Scenario);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("bank/deep/scenario.yaml:1: " + YamlText.TooDeep, error.ToString());
    }

    [Fact]
    public void A_replay_nested_sixty_thousand_levels_deep_is_an_error_not_a_stack_overflow()
    {
        var e = Assert.Throws<ReplayFormatException>(() => ReplayScript.Parse("deep.yaml", Deep));
        Assert.Contains("deep.yaml:1:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_long_unrelated_listings_are_refused_before_they_are_diffed()
    {
        // Diffing two 100,000-line files that share nothing costs ~10^10 steps: the listing is refused by its length instead.
        var buggy = string.Join('\n', Enumerable.Range(0, 100_000).Select(i => $"a{i} = {i}"));
        var fixedText = string.Join('\n', Enumerable.Range(0, 100_000).Select(i => $"b{i} = {i}"));
        var yaml = File.ReadAllText(RepoFiles.Path("scenarios", "missing-zero-grad", "scenario.yaml"));
        var parsed = ScenarioParser.Parse(new ScenarioSource("bank/long/scenario.yaml", yaml, "bank/long/buggy.py", buggy, "bank/long/fixed.py", fixedText));
        Assert.Null(parsed.Scenario);
        Assert.Contains(parsed.Errors, e => e.ToString() == $"bank/long/buggy.py:{ScenarioParser.MaxCodeLines + 1}: the listing has 100000 lines; a scenario's code is read in an interview, at most {ScenarioParser.MaxCodeLines} lines");
        Assert.Contains(parsed.Errors, e => e.File == "bank/long/fixed.py");
    }
}
