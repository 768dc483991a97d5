using BugTrail.Core.Evaluation;

namespace BugTrail.Core.Tests.Evaluation;

/// <summary>Replays evaluated once each and shared by the tests.</summary>
internal static class Evaluations
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, InterviewEvaluation> Cache = new();

    public static InterviewEvaluation Of(string replay) => Cache.GetOrAdd(replay, file =>
    {
        var run = ShippedBank.Replay(file);
        return Evaluator.Evaluate(run.Interview.Log, ShippedBank.Scenario, Readers.Meaning);
    });

    public static ChecklistItem Item(string replay, string id) => Of(replay).Checklist.Single(i => i.Id == id);
}
