using System.Text.Json;
using System.Text.RegularExpressions;

namespace BugTrail.Cli.Tests;

/// <summary>
/// The candidate view is a security boundary: it must hold nothing a candidate has not been given
/// at the opening (the fix, the bug's lines, hints, follow-ups, gated evidence, the rubric).
/// </summary>
public partial class CandidateLeakTests
{
    public static TheoryData<string, string> ScenarioFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in JsonDocument.Parse(Bugtrail.Run("scenarios", "list", "--json").Out).RootElement.EnumerateArray())
            foreach (var f in s.GetProperty("formats").EnumerateArray())
                data.Add(s.GetProperty("id").GetString()!, f.GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFormats))]
    public void The_candidate_view_leaks_nothing_hidden(string id, string format)
    {
        var secret = JsonDocument.Parse(Bugtrail.Run("scenarios", "show", id, "--json").Out).RootElement;
        var json = Bugtrail.Run("scenarios", "show", id, "--as", "candidate", "--format", format, "--json");
        Assert.Equal(0, json.Exit);
        var human = Bugtrail.Run("scenarios", "show", id, "--as", "candidate", "--format", format);
        var view = JsonDocument.Parse(json.Out).RootElement;

        Assert.Equal(["view", "id", "title", "format", "opening", "symptom", "environment", "timeline", "metrics", "code"],
            view.EnumerateObject().Select(p => p.Name));

        var hidden = new List<string>
        {
            secret.GetProperty("fix").GetString()!,
            secret.GetProperty("root_cause").GetString()!,
            secret.GetProperty("explanation").GetString()!,
            secret.GetProperty("key_learning").GetString()!,
            secret.GetProperty("code").GetProperty("component").GetString()!,
        };
        hidden.AddRange(secret.GetProperty("hints").EnumerateObject().Select(h => h.Value.GetString()!));
        hidden.AddRange(secret.GetProperty("follow_ups").EnumerateArray().Select(f => f.GetProperty("question").GetString()!));
        hidden.AddRange(secret.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("title").GetString()!));
        hidden.AddRange(secret.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("answer").GetString()!));
        var buggy = secret.GetProperty("code").GetProperty("buggy").GetString()!;
        hidden.AddRange(secret.GetProperty("code").GetProperty("diff").EnumerateArray()
            .SelectMany(h => h.GetProperty("added").EnumerateArray().Select(l => l.GetString()!.Trim()))
            .Where(l => l.Length > 0 && !buggy.Contains(l, StringComparison.Ordinal)));

        foreach (var text in hidden)
        {
            Assert.DoesNotContain(text, json.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(Squash(text), Squash(human.Out), StringComparison.Ordinal);
        }
        foreach (var key in new[] { "bug_lines", "hints", "follow_ups", "fix", "root_cause", "evidence", "facts", "diff", "fixed" })
            Assert.DoesNotContain($"\"{key}\"", json.Out, StringComparison.Ordinal);

        var code = view.GetProperty("code");
        if (format == "production-debugging") Assert.Equal(JsonValueKind.Null, code.ValueKind);
        else Assert.Equal(buggy, code.GetProperty("text").GetString());
    }

    /// <summary>The console wraps text; compare without whitespace and box-drawing characters.</summary>
    private static string Squash(string text) => Layout().Replace(text, "");

    [GeneratedRegex(@"[\s│╭╮╰╯─]+")]
    private static partial Regex Layout();
}
