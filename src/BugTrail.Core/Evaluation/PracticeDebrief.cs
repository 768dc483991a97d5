using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Evaluation;

/// <summary>What the bug was, for one scenario of an ended practice session.</summary>
public sealed record ScenarioDebrief(string Title, bool Solved, string RootCause, string Fix, string FixDiff, string Explanation, string KeyLearning,
    IReadOnlyList<string> Strengths, IReadOnlyList<string> Improvements);

/// <summary>
/// What a practising candidate is shown once their session has ended: how they did (the same evaluation an interviewer's
/// report gives) and what each bug was, with the reference fix. There is none before the end: until then the root cause
/// and the fix are exactly what the room must never show (LeakGuard), and an interview's candidate gets no debrief at all:
/// their interviewer decides what to tell them.
/// </summary>
public sealed record PracticeDebrief(Level Level, AreaScores Scores, Recommendation Recommendation, IReadOnlyList<ScenarioDebrief> Scenarios)
{
    public static PracticeDebrief? Of(InterviewState state, IReadOnlyList<SessionEvent> log, Func<string, Scenario> scenarios, IReader reader)
    {
        if (!state.Ended) return null;
        var evaluation = Evaluator.Evaluate(log, scenarios, reader);
        return new PracticeDebrief(evaluation.Level, evaluation.Scores, evaluation.Recommendation, evaluation.Scenarios.Select(s => new ScenarioDebrief(
            s.Scenario.Title, s.Solved, s.Scenario.RootCause.Summary, s.Scenario.Fix.Summary, PatchJudge.Diff(s.Scenario, s.Scenario.Code.Fixed),
            s.Scenario.Explanation, s.Scenario.KeyLearning, s.Strengths, s.Improvements)).ToList());
    }
}
