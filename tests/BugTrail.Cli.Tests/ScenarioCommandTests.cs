using System.Text.Json;

namespace BugTrail.Cli.Tests;

public class ScenarioCommandTests
{
    public static readonly string[] RequiredIds =
    [
        "missing-zero-grad", "attention-scaling-missing", "causal-mask-diagonal", "normalization-leakage",
        "kv-cache-position", "grad-accum-scaling", "softmax-before-cross-entropy", "ddp-loss-averaging",
        "loss-accumulation-memory-leak", "batchnorm-eval-during-training",
    ];

    [Fact]
    public void The_shipped_bank_validates()
    {
        var result = Bugtrail.Run("scenarios", "validate");
        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("scenario(s) valid", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void List_json_holds_the_ten_required_scenarios()
    {
        var result = Bugtrail.Run("scenarios", "list", "--json");
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Err);
        var ids = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        foreach (var id in RequiredIds) Assert.Contains(id, ids);
    }

    [Fact]
    public void List_json_is_snake_case()
    {
        var first = JsonDocument.Parse(Bugtrail.Run("scenarios", "list", "--json").Out).RootElement[0];
        Assert.Equal(["id", "title", "difficulty", "expected_minutes", "category", "levels", "formats", "code_lines"],
            first.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("--level", "junior", "levels")]
    [InlineData("--difficulty", "hard", "difficulty")]
    [InlineData("--category", "gradient", "category")]
    [InlineData("--format", "code-review", "formats")]
    public void List_filters_keep_only_matching_scenarios(string option, string value, string field)
    {
        var all = JsonDocument.Parse(Bugtrail.Run("scenarios", "list", "--json").Out).RootElement.GetArrayLength();
        var result = Bugtrail.Run("scenarios", "list", "--json", option, value);
        var rows = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.True(rows.Count <= all);
        foreach (var row in rows)
        {
            var cell = row.GetProperty(field);
            Assert.True(cell.ValueKind == JsonValueKind.Array ? cell.EnumerateArray().Any(v => v.GetString() == value) : cell.GetString() == value);
        }
    }

    [Fact]
    public void Filters_narrow_the_list()
    {
        var all = JsonDocument.Parse(Bugtrail.Run("scenarios", "list", "--json").Out).RootElement.GetArrayLength();
        var juniorEasy = JsonDocument.Parse(Bugtrail.Run("scenarios", "list", "--json", "--level", "junior", "--difficulty", "easy").Out).RootElement;
        Assert.InRange(juniorEasy.GetArrayLength(), 1, all - 1);
        Assert.All(juniorEasy.EnumerateArray(), s => Assert.Equal("easy", s.GetProperty("difficulty").GetString()));
    }

    [Fact]
    public void An_unknown_filter_value_is_a_usage_error()
    {
        var result = Bugtrail.Run("scenarios", "list", "--level", "principal");
        Assert.Equal(2, result.Exit);
        Assert.Contains("--level must be one of junior, mid, senior (got 'principal')", result.Out + result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_as_interviewer_holds_the_bug_lines_from_the_diff()
    {
        var result = Bugtrail.Run("scenarios", "show", "attention-scaling-missing", "--json");
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("interviewer", root.GetProperty("view").GetString());
        Assert.Equal([30], root.GetProperty("code").GetProperty("bug_lines").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Show_renders_a_table_and_numbered_code_for_people()
    {
        var result = Bugtrail.Run("scenarios", "show", "attention-scaling-missing", "--as", "candidate", "--format", "code-review");
        Assert.Equal(0, result.Exit);
        Assert.Contains("2147", result.Out, StringComparison.Ordinal);
        Assert.Contains("30", result.Out, StringComparison.Ordinal);
        Assert.Contains("scores = Q @ K.transpose(-2, -1)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_an_unknown_id_fails_with_a_message()
    {
        var result = Bugtrail.Run("scenarios", "show", "no-such-bug");
        Assert.Equal(1, result.Exit);
        Assert.Contains("no scenario with id 'no-such-bug'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_refuses_a_format_the_scenario_does_not_offer()
    {
        var bank = Bugtrail.TempFolder();
        Bugtrail.CopyFolder(Path.Combine(Bugtrail.RepoRoot, "tests", "BugTrail.Cli.Tests", "Fixtures", "private-bank", "argmax-wrong-dim"), Path.Combine(bank, "argmax-wrong-dim"));
        var result = Bugtrail.Run("--bank", bank, "scenarios", "show", "argmax-wrong-dim", "--as", "candidate", "--format", "production-debugging");
        Assert.Equal(1, result.Exit);
        Assert.Contains("not offered in production-debugging format", result.Err, StringComparison.Ordinal);
    }
}
