using System.Text.Json;

namespace BugTrail.Cli.Tests;

public class ReportCommandTests
{
    private static string Replay(string name) => Path.Combine(Bugtrail.RepoRoot, "tests", "BugTrail.Core.Tests", "Replays", name);

    /// <summary>A data folder holding the given replays as stored sessions.</summary>
    private static (string Data, string[] Sessions) Store(params string[] replays)
    {
        var data = Bugtrail.TempFolder();
        var sessions = replays.Select((r, i) =>
        {
            var file = Path.Combine(data, "sessions", $"{i:00}-{Path.GetFileNameWithoutExtension(r)}.json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var result = Bugtrail.Run("replay", Replay(r), "--save", file);
            Assert.True(result.Exit == 0, result.Err);
            return file;
        }).ToArray();
        return (data, sessions);
    }

    [Fact]
    public void The_html_report_renders_in_headless_chromium()
    {
        var (data, sessions) = Store("middling-candidate.yaml");
        var html = Path.Combine(data, "report.html");
        var result = Bugtrail.Run("report", sessions[0], "--format", "html", "--out", html, "--data", data);
        Assert.True(result.Exit == 0, result.Err);

        var dom = Chromium.DumpDom(new Uri(html).AbsoluteUri);
        Assert.Contains("Post-interview evaluation", dom, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Session timeline\"", dom, StringComparison.Ordinal);
        Assert.Contains("Weak Hire", dom, StringComparison.Ordinal);

        var png = Path.Combine(Chromium.Artifacts, "report-middling-candidate.png");
        File.Delete(png);
        Chromium.Screenshot(new Uri(html).AbsoluteUri, png);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 40_000, $"screenshot is only {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(1100, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
    }

    [Fact]
    public void The_markdown_report_is_the_default()
    {
        var (data, sessions) = Store("part1-worked-interview.yaml");
        var result = Bugtrail.Run("report", sessions[0], "--data", data);
        Assert.Equal(0, result.Exit);
        Assert.StartsWith("# Post-interview evaluation", result.Out, StringComparison.Ordinal);
        Assert.Contains("- [x] Strong Hire", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_is_the_evaluation_shape_of_the_design()
    {
        var (data, sessions) = Store("part1-worked-interview.yaml");
        var root = JsonDocument.Parse(Bugtrail.Run("report", sessions[0], "--format", "json", "--data", data).Out).RootElement;
        Assert.Equal(["debugging_process", "technical_knowledge", "communication", "speed", "overall"],
            root.GetProperty("scores").EnumerateObject().Select(p => p.Name));
        Assert.Equal("strong_hire", root.GetProperty("recommendation").GetString());
        Assert.Equal("none", root.GetProperty("hints_needed").GetString());
        Assert.Equal(330, root.GetProperty("time_to_solve_seconds").GetInt32());
        var item = root.GetProperty("checklist")[0];
        Assert.Equal("debugging_process", item.GetProperty("area").GetString());
        Assert.True(item.GetProperty("met").GetBoolean());
    }

    [Fact]
    public void The_bar_places_a_candidate_among_earlier_sessions_of_the_same_level_and_scenario()
    {
        var (data, sessions) = Store("weak-candidate.yaml", "middling-candidate.yaml", "weak-candidate.yaml", "middling-candidate.yaml",
            "weak-candidate.yaml", "part1-worked-interview.yaml");
        // Every replay starts at the same virtual instant; make the last one later than the rest.
        var last = sessions[^1];
        File.WriteAllText(last, File.ReadAllText(last).Replace("2026-01-01T09:", "2026-01-02T09:", StringComparison.Ordinal));
        var md = Bugtrail.Run("report", last, "--data", data).Out;
        Assert.Contains("Overall 97 is above 100% of 5 earlier mid-level candidates on attention-scaling-missing", md, StringComparison.Ordinal);

        var alone = Store("part1-worked-interview.yaml");
        Assert.Contains("too few to compare", Bugtrail.Run("report", alone.Sessions[0], "--data", alone.Data).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_keeps_the_computed_values_and_needs_a_reason()
    {
        var (data, sessions) = Store("middling-candidate.yaml");
        var refused = Bugtrail.Run("evaluate", sessions[0], "--recommend", "hire", "--data", data);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("needs --reason", refused.Err, StringComparison.Ordinal);

        var unknown = Bugtrail.Run("evaluate", sessions[0], "--tick", "charisma", "--reason", "x", "--data", data);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("no checklist item 'charisma'", unknown.Err, StringComparison.Ordinal);

        var ok = Bugtrail.Run("evaluate", sessions[0], "--tick", "logical_information_order", "--score", "communication=90", "--recommend", "hire",
            "--reason", "clarified on the call", "--by", "rita", "--data", data);
        Assert.True(ok.Exit == 0, ok.Err);
        var root = JsonDocument.Parse(Bugtrail.Run("report", sessions[0], "--format", "json", "--data", data).Out).RootElement;
        Assert.Equal("hire", root.GetProperty("recommendation").GetString());
        Assert.Equal("weak_hire", root.GetProperty("computed_recommendation").GetString());
        Assert.Equal(90, root.GetProperty("scores").GetProperty("communication").GetInt32());
        Assert.Equal(75, root.GetProperty("computed_scores").GetProperty("communication").GetInt32());
        var item = root.GetProperty("checklist").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "logical_information_order");
        Assert.True(item.GetProperty("met").GetBoolean());
        Assert.False(item.GetProperty("computed_met").GetBoolean());
        Assert.Equal("clarified on the call", item.GetProperty("override_reason").GetString());
    }

    [Fact]
    public void A_report_of_a_missing_session_fails_cleanly()
    {
        var result = Bugtrail.Run("report", "no-such-session", "--data", Bugtrail.TempFolder());
        Assert.Equal(1, result.Exit);
        Assert.Contains("no-such-session: no such session (neither a file nor a session in", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_proposes_the_guides_45_minute_shapes()
    {
        var result = Bugtrail.Run("plan", "--level", "mid", "--seed", "3", "--json");
        Assert.True(result.Exit == 0, result.Err);
        var plan = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(45, plan.GetProperty("minutes").GetInt32());
        var slots = plan.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.InRange(slots.Count, 1, 2);
        if (slots.Count == 2) Assert.Equal(["02:00", "18:00"], slots.Select(s => s.GetProperty("opens").GetString()));
        Assert.Equal(result.Out, Bugtrail.Run("plan", "--level", "mid", "--seed", "3", "--json").Out);
    }

    [Fact]
    public void Practice_keeps_sessions_in_the_store_and_prints_a_draft_evaluation()
    {
        var data = Bugtrail.TempFolder();
        var result = Bugtrail.Converse(data, ["practice", "--plan", "--level", "junior", "--seed", "1", "--data", data, "--candidate", "Grace"],
            ["Maybe the learning rate is too high, or the data has outliers."]);
        Assert.Equal(0, result.Exit);
        Assert.Contains("Evaluation (draft)", result.Out, StringComparison.Ordinal);
        // The session is in the store's database, the one the web app uses, under the id practice printed.
        Assert.True(File.Exists(Path.Combine(data, "bugtrail.db")));
        var id = System.Text.RegularExpressions.Regex.Match(result.Out.Replace("\n", "", StringComparison.Ordinal), @"Session saved as ([0-9a-f-]{36})").Groups[1].Value;
        var report = JsonDocument.Parse(Bugtrail.Run("report", id, "--format", "json", "--data", data).Out).RootElement;
        Assert.Equal(1, report.GetProperty("scenarios").GetArrayLength());                           // the plan's first scenario, the one that opened
        Assert.Contains("Candidate: Grace", Bugtrail.Run("report", id[..8], "--data", data).Out, StringComparison.Ordinal);
    }
}
