using System.Text.Json;

namespace BugTrail.Cli.Tests;

public class ReplayAndPracticeTests
{
    private static readonly string Part1 = Path.Combine(Bugtrail.RepoRoot, "tests", "BugTrail.Core.Tests", "Replays", "part1-worked-interview.yaml");

    [Fact]
    public void Replay_json_has_the_contract_shape()
    {
        var result = Bugtrail.Run("replay", Part1, "--json");
        Assert.True(result.Exit == 0, result.Err);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("attention-scaling-missing", root.GetProperty("scenario").GetString());
        var actions = root.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal("present", actions[0].GetProperty("kind").GetString());
        Assert.Equal(0, actions[0].GetProperty("at").GetInt32());
        var release = actions.First(a => a.GetProperty("kind").GetString() == "release");
        Assert.Equal(120, release.GetProperty("at").GetInt32());
        Assert.Equal("grad_norms", release.GetProperty("evidence").GetString());
        Assert.Contains(actions, a => a.GetProperty("kind").GetString() == "follow_up");
    }

    [Fact]
    public void Replay_without_json_prints_a_transcript_with_the_released_tables()
    {
        var result = Bugtrail.Run("replay", Part1);
        Assert.Equal(0, result.Exit);
        Assert.Contains("[02:00] Candidate:", result.Out, StringComparison.Ordinal);
        Assert.Contains("327.8", result.Out, StringComparison.Ordinal);
        Assert.Contains("scores = Q @ K.transpose(-2, -1)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_replay_file_gets_file_and_line()
    {
        var dir = Bugtrail.TempFolder();
        var file = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(file, "scenario: attention-scaling-missing\nformat: production-debugging\nturns:\n  - at: \"2 minutes\"\n    say: hello\n");
        var result = Bugtrail.Run("replay", file);
        Assert.Equal(1, result.Exit);
        Assert.Contains($"{file}:4: time '2 minutes' must be mm:ss", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replay_of_an_unknown_scenario_is_refused()
    {
        var dir = Bugtrail.TempFolder();
        var file = Path.Combine(dir, "unknown.yaml");
        File.WriteAllText(file, "scenario: no-such-bug\nformat: code-review\nturns: []\n");
        var result = Bugtrail.Run("replay", file);
        Assert.Equal(1, result.Exit);
        Assert.Contains("unknown scenario 'no-such-bug'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Practice_runs_an_interview_from_the_terminal_saves_it_and_resumes_it()
    {
        var dir = Bugtrail.TempFolder();
        var session = Path.Combine(dir, "s.json");
        var first = Practice(dir, ["--scenario", "missing-zero-grad", "--format", "production-debugging", "--level", "junior", "--session", session],
            "Maybe the learning rate is too high, or the gradients keep growing.", "Can I see the gradient norms?");
        Assert.Equal(0, first.Exit);
        Assert.Contains("(release grad_norms)", first.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(session));
        var saved = JsonDocument.Parse(File.ReadAllText(session)).RootElement.GetProperty("events").GetArrayLength();

        var second = Practice(dir, ["--resume", session],
            "The norm grows every step, so something in the training loop accumulates. Can I see the training loop code?");
        Assert.Equal(0, second.Exit);
        Assert.Contains("— resumed —", second.Out, StringComparison.Ordinal);
        Assert.Contains("(show_code)", second.Out, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(File.ReadAllText(session)).RootElement.GetProperty("events").GetArrayLength() > saved);

        // Replaying the saved session re-runs its candidate's turns and gives the interviewer's actions again.
        var stored = JsonDocument.Parse(File.ReadAllText(session)).RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "interviewer_acted").Select(e => e.GetProperty("kind").GetString()).ToList();
        var replay = Bugtrail.RunIn(dir, "replay", session, "--json");
        Assert.True(replay.Exit == 0, replay.Err);
        var replayed = JsonDocument.Parse(replay.Out).RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Equal(stored, replayed);
    }

    [Fact]
    public void Practice_takes_the_scenarios_level_unless_one_is_chosen()
    {
        var dir = Bugtrail.TempFolder();
        var junior = Practice(dir, ["--scenario", "missing-zero-grad", "--format", "code-review", "--session", Path.Combine(dir, "a.json")]);
        Assert.Equal(0, junior.Exit);
        Assert.Contains("· junior ·", junior.Out, StringComparison.Ordinal);
        var chosen = Practice(dir, ["--scenario", "missing-zero-grad", "--format", "code-review", "--level", "mid", "--session", Path.Combine(dir, "b.json")]);
        Assert.Contains("· mid ·", chosen.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Practice_refuses_a_file_that_is_not_a_session()
    {
        var dir = Bugtrail.TempFolder();
        var bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, "{\"hello\": 1}");
        var result = Practice(dir, ["--resume", bad]);
        Assert.Equal(1, result.Exit);
        Assert.Contains("not a BugTrail session file", result.Err, StringComparison.Ordinal);
    }

    private static CliResult Practice(string dir, string[] args, params string[] lines) => Bugtrail.Converse(dir, ["practice", .. args], lines);
}
