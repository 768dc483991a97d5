using System.Text.Json;

namespace BugTrail.Cli.Tests;

/// <summary>Bad input gets a precise error and never a stack trace; what is valid still loads.</summary>
public class BankErrorTests
{
    private static string ShippedScenario(string id) => Path.Combine(Bugtrail.RepoRoot, "scenarios", id);

    private static string PrivateBankWith(params (string Name, string Source)[] scenarios)
    {
        var bank = Bugtrail.TempFolder();
        foreach (var (name, source) in scenarios) Bugtrail.CopyFolder(source, Path.Combine(bank, name));
        return bank;
    }

    [Fact]
    public void A_bank_that_does_not_exist_is_a_usage_error()
    {
        var result = Bugtrail.Run("--bank", "/nonexistent/bank", "scenarios", "list");
        Assert.Equal(2, result.Exit);
        Assert.Contains("/nonexistent/bank: no such scenario bank or scenario folder", result.Out + result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Out + result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_scenario_is_reported_and_skipped_by_list_but_fails_validate()
    {
        var bank = PrivateBankWith(("broken", ShippedScenario("attention-scaling-missing")));
        var yaml = Path.Combine(bank, "broken", "scenario.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("id: attention-scaling-missing", "id: broken-one\nsymptom: [unclosed", StringComparison.Ordinal));

        var list = Bugtrail.RunIn(bank, "--bank", bank, "scenarios", "list", "--json");
        Assert.Equal(0, list.Exit);
        Assert.Contains("attention-scaling-missing", list.Out, StringComparison.Ordinal);
        Assert.Matches(@"broken/scenario\.yaml:\d+: malformed YAML", list.Err);
        Assert.Contains("skipped", list.Err, StringComparison.Ordinal);
        Assert.NotEmpty(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());

        var validate = Bugtrail.RunIn(bank, "--bank", bank, "scenarios", "validate", bank);
        Assert.Equal(1, validate.Exit);
        Assert.Matches(@"(?m)^broken/scenario\.yaml:\d+: malformed YAML", validate.Err);
        Assert.DoesNotContain("   at ", validate.Out + validate.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_reported_with_file_and_line()
    {
        var bank = PrivateBankWith(("typo", ShippedScenario("attention-scaling-missing")));
        var yaml = Path.Combine(bank, "typo", "scenario.yaml");
        var lines = File.ReadAllLines(yaml).ToList();
        var at = lines.FindIndex(l => l.StartsWith("id:", StringComparison.Ordinal));
        lines[at] = "id: typo-scenario";
        lines.Insert(at + 1, "dificulty: hard");
        File.WriteAllLines(yaml, lines);

        var result = Bugtrail.RunIn(bank, "scenarios", "validate", bank);
        Assert.Equal(1, result.Exit);
        Assert.Contains($"typo/scenario.yaml:{at + 2}: unknown field 'dificulty'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_across_banks_fails_validation()
    {
        var bank = PrivateBankWith(("copy", ShippedScenario("attention-scaling-missing")));
        var result = Bugtrail.RunIn(bank, "--bank", bank, "scenarios", "validate", bank);
        Assert.Equal(1, result.Exit);
        Assert.Contains("duplicate scenario id 'attention-scaling-missing'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_missing_its_fix_is_reported_by_file()
    {
        var bank = PrivateBankWith(("nofix", ShippedScenario("attention-scaling-missing")));
        File.Delete(Path.Combine(bank, "nofix", "fixed.py"));
        var yaml = Path.Combine(bank, "nofix", "scenario.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("id: attention-scaling-missing", "id: nofix", StringComparison.Ordinal));
        var result = Bugtrail.RunIn(bank, "scenarios", "validate", Path.Combine(bank, "nofix"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("nofix/fixed.py:1: missing file", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_file_is_refused_without_reading_it_whole()
    {
        var bank = PrivateBankWith(("huge", ShippedScenario("attention-scaling-missing")));
        File.WriteAllText(Path.Combine(bank, "huge", "buggy.py"), new string('#', 600 * 1024));
        var result = Bugtrail.RunIn(bank, "scenarios", "validate", bank);
        Assert.Equal(1, result.Exit);
        Assert.Contains("huge/buggy.py:1: file is larger than 512 KiB", result.Err, StringComparison.Ordinal);
    }
}
