using System.Text.Json;


namespace BugTrail.Cli.Tests;

/// <summary>
/// A scenario written from docs/scenario-format.md alone, kept outside the repository and loaded
/// with --bank, validates, lists and shows.
/// </summary>
public class PrivateBankTests
{
    private static readonly string Fixture = Path.Combine(Bugtrail.RepoRoot, "tests", "BugTrail.Cli.Tests", "Fixtures", "private-bank");

    private static string OutsideBank()
    {
        var bank = Bugtrail.TempFolder();
        Bugtrail.CopyFolder(Path.Combine(Fixture, "argmax-wrong-dim"), Path.Combine(bank, "argmax-wrong-dim"));
        return bank;
    }

    [Fact]
    public void It_validates()
    {
        var bank = OutsideBank();
        var result = Bugtrail.Run("--bank", bank, "scenarios", "validate", bank);
        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("1 scenario(s) valid", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void It_lists_beside_the_shipped_bank()
    {
        var result = Bugtrail.Run("scenarios", "list", "--json", "--bank", OutsideBank());
        var ids = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Contains("argmax-wrong-dim", ids);
        Assert.Contains("attention-scaling-missing", ids);
    }

    [Fact]
    public void It_is_not_listed_without_its_bank()
    {
        var result = Bugtrail.Run("scenarios", "list", "--json");
        Assert.DoesNotContain("argmax-wrong-dim", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void It_shows_as_candidate_and_interviewer()
    {
        var bank = OutsideBank();
        var candidate = Bugtrail.Run("--bank", bank, "scenarios", "show", "argmax-wrong-dim", "--as", "candidate", "--json");
        Assert.Equal(0, candidate.Exit);
        Assert.Equal("code-review", JsonDocument.Parse(candidate.Out).RootElement.GetProperty("format").GetString());
        var interviewer = Bugtrail.Run("--bank", bank, "scenarios", "show", "argmax-wrong-dim");
        Assert.Equal(0, interviewer.Exit);
        Assert.Contains("argmax-wrong-dim", interviewer.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_doc_shows_this_scenario_in_full()
    {
        var doc = File.ReadAllText(Path.Combine(Bugtrail.RepoRoot, "docs", "scenario-format.md"));
        foreach (var file in new[] { "scenario.yaml", "buggy.py", "fixed.py" })
        {
            var text = File.ReadAllText(Path.Combine(Fixture, "argmax-wrong-dim", file)).TrimEnd();
            Assert.Contains(text, doc, StringComparison.Ordinal);
        }
    }
}
