using BugTrail.Core.Replay;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Banks;
using BugTrail.Storage.Sessions;

namespace BugTrail.Storage.Tests;

public class SessionCodecTests
{
    private static readonly string Root = FindRoot();
    private static readonly Lazy<BugTrail.Core.Scenarios.Bank.ScenarioBank> Bank = new(() => BankFolders.Load([Path.Combine(Root, "scenarios")]));

    internal IReadOnlyList<BugTrail.Core.Sessions.SessionEvent> Part1Log() => Part1().Interview.Log;

    private static ReplayResult Part1()
    {
        var path = Path.Combine(Root, "tests", "BugTrail.Core.Tests", "Replays", "part1-worked-interview.yaml");
        return ReplayRunner.Run(ReplayScript.Parse(path, File.ReadAllText(path)), Bank.Value, BugTrail.Core.Understanding.RuleReader.Instance);
    }

    [Fact]
    public void A_log_survives_a_round_trip_unchanged()
    {
        var log = Part1().Interview.Log;
        var back = SessionCodec.Deserialize(SessionCodec.Serialize(log));
        Assert.Equal(log.Count, back.Count);
        Assert.Equal(SessionCodec.Serialize(log), SessionCodec.Serialize(back));
        Assert.Equal(((InterviewStarted)log[0]).Plan.Scenarios, ((InterviewStarted)back[0]).Plan.Scenarios);
    }

    [Fact]
    public void A_resumed_session_folds_to_the_same_state()
    {
        var run = Part1();
        var path = Path.Combine(Path.GetTempPath(), $"bugtrail-{Guid.NewGuid():N}.json");
        SessionFile.Save(path, run.Interview.Log);
        var resumed = Interview.Resume(SessionFile.Load(path), id => Bank.Value.Find(id)!, BugTrail.Core.Understanding.RuleReader.Instance);
        Assert.Equal(run.Interview.State.Slots[0].BugFoundAt, resumed.State.Slots[0].BugFoundAt);
        Assert.Equal(run.Interview.State.EndedAt, resumed.State.EndedAt);
        Assert.Equal(run.Interview.State.Slots[0].FollowUpsAsked, resumed.State.Slots[0].FollowUpsAsked);
    }

    [Fact]
    public void Saving_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"bugtrail-{Guid.NewGuid():N}");
        var path = Path.Combine(dir, "s.json");
        var log = Part1().Interview.Log;
        SessionFile.Save(path, log.Take(3).ToList());
        SessionFile.Save(path, log);
        Assert.Equal(log.Count, SessionFile.Load(path).Count);
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void Overrides_and_the_candidate_name_survive_a_round_trip()
    {
        var log = Part1().Interview.Log.ToList();
        var started = (InterviewStarted)log[0];
        log[0] = started with { Candidate = "Ada" };
        log.Add(new EvaluationOverridden(started.At.AddMinutes(20), new BugTrail.Core.Evaluation.ChecklistOverride("found_bug", false, "guessed"), "rita"));
        log.Add(new EvaluationOverridden(started.At.AddMinutes(21), new BugTrail.Core.Evaluation.ScoreOverride(BugTrail.Core.Evaluation.RubricArea.Speed, 40, "slow"), "rita"));
        log.Add(new EvaluationOverridden(started.At.AddMinutes(22), new BugTrail.Core.Evaluation.RecommendationOverride(BugTrail.Core.Evaluation.Recommendation.WeakHire, "borderline"), "rita"));
        log.Add(new EvaluationOverridden(started.At.AddMinutes(23), new BugTrail.Core.Evaluation.RedFlagOverride("blames_external", "named the API in the fix"), "rita"));
        var back = SessionCodec.Deserialize(SessionCodec.Serialize(log));
        Assert.Equal("Ada", ((InterviewStarted)back[0]).Candidate);
        Assert.Equal(log.OfType<EvaluationOverridden>().Select(o => o.Override), back.OfType<EvaluationOverridden>().Select(o => o.Override));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"version\": 1, \"events\": []}")]
    [InlineData("{\"version\": 9, \"events\": []}")]
    [InlineData("{\"version\": 1, \"events\": [{\"type\": \"candidate_said\", \"at\": \"2026-01-01T00:00:00Z\", \"text\": \"hi\"}]}")]
    public void A_broken_session_file_is_refused_with_a_reason(string json) =>
        Assert.Throws<FormatException>(() => SessionCodec.Deserialize(json));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BugTrail.slnx"))) return dir.FullName;
        throw new InvalidOperationException("tests must run inside the BugTrail checkout");
    }
}
