using BugTrail.Core.Understanding;
using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Evaluation;

/// <summary>
/// Scores a session: a pure fold over its log. The same log always gives the same evaluation, so a
/// stored session can be scored again at any time.
/// </summary>
public static class Evaluator
{
    public static InterviewEvaluation Evaluate(IReadOnlyList<SessionEvent> log, Func<string, Scenario> scenarios, IReader reader)
    {
        var started = (InterviewStarted)log[0];
        var overrides = log.OfType<EvaluationOverridden>().Select(o => o.Override).ToList();
        var traces = ScenarioTrace.Read(log, scenarios, reader).Where(t => t.OpenedAt is not null).ToList();

        var computed = traces.Select(t => Scenario(t, [], reader)).ToList();
        var final = traces.Select(t => Scenario(t, overrides, reader)).ToList();

        var computedScores = Combine(computed);
        var scores = overrides.OfType<ScoreOverride>().Aggregate(Combine(final), (s, o) => s.With(o.Area, Math.Clamp(o.Score, 0, 100)));
        var flags = final.SelectMany(s => s.RedFlags).OrderBy(f => f.At).ToList();
        var hints = Worst(final.Select(s => s.HintsNeeded));
        var computedRecommendation = Recommend(computedScores, computed.SelectMany(s => s.RedFlags).ToList(), Worst(computed.Select(s => s.HintsNeeded)), computed);
        var recommendation = overrides.OfType<RecommendationOverride>().LastOrDefault()?.Recommendation ?? Recommend(scores, flags, hints, final);
        var solved = final.Where(s => s.TimeToSolve is not null).ToList();

        return new InterviewEvaluation
        {
            Level = started.Plan.Level,
            Scenarios = final,
            ComputedScores = computedScores,
            Scores = scores,
            ComputedRecommendation = computedRecommendation,
            Recommendation = recommendation,
            HintsNeeded = hints,
            TimeToSolve = solved.Count == 0 ? null : solved.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.TimeToSolve!.Value),
            Checklist = MergeChecklists(final),
            RedFlags = flags,
            Overrides = overrides,
        };
    }

    private static ScenarioEvaluation Scenario(ScenarioTrace t, IReadOnlyList<Override> overrides, IReader reader)
    {
        var grades = FollowUpGrading.Grade(t, reader);
        var items = Rubric.Check(t, grades).Select(i =>
            overrides.OfType<ChecklistOverride>().LastOrDefault(o => o.ItemId == i.Id) is { } o ? i with { Met = o.Met, ComputedMet = i.Met, OverrideReason = o.Reason, NeedsReview = false } : i).ToList();
        var raised = RedFlags.Find(t, grades);
        var dismissed = overrides.OfType<RedFlagOverride>().Select(o => o.FlagId).ToHashSet(StringComparer.Ordinal);
        var flags = raised.Where(f => !dismissed.Contains(f.Id)).ToList();
        var hints = HintsFor(t.Final.Hints);
        var solvedAt = t.BugFoundAt;
        return new ScenarioEvaluation
        {
            Scenario = t.Scenario,
            Format = t.Slot.Format,
            Solved = solvedAt is not null,
            Cut = t.Final.CutAt is not null,
            TimeToSolve = solvedAt - t.OpenedAt,
            TimeSpent = (solvedAt ?? t.EndsAt) - t.OpenedAt!.Value,
            Hints = t.Final.Hints,
            HintsNeeded = hints,
            Checklist = items,
            RedFlags = flags,
            DismissedRedFlags = [.. raised.Where(f => dismissed.Contains(f.Id))],
            FollowUps = grades,
            Scores = Score(items, grades, hints),
            Strengths = Feedback.Strengths(t, items, grades, hints),
            Improvements = Feedback.Improvements(t, items, flags, grades),
        };
    }

    /// <summary>Guide I's "hints needed" by tier and count: one gentle hint is light; two, or a direct one, moderate; a strong one or three, heavy.</summary>
    public static HintsNeeded HintsFor(IReadOnlyList<HintGiven> hints) =>
        hints.Count == 0 ? HintsNeeded.None
        : hints.Count >= 3 || hints.Any(h => h.Tier == HintTier.Strong) ? HintsNeeded.Heavy
        : hints.Count == 2 || hints.Any(h => h.Tier == HintTier.Direct) ? HintsNeeded.Moderate
        : HintsNeeded.Light;

    /// <summary>
    /// Each area is the share of its checklist items met; technical knowledge also weighs the follow-up
    /// answers (half), and speed loses 10/25/40 points for light/moderate/heavy hints.
    /// </summary>
    private static AreaScores Score(IReadOnlyList<ChecklistItem> items, IReadOnlyList<FollowUpGrade> grades, HintsNeeded hints)
    {
        int Share(RubricArea area)
        {
            // An item waiting for a person's review counts neither way.
            var of = items.Where(i => i.Area == area && !i.NeedsReview).ToList();
            return of.Count == 0 ? 0 : (int)Math.Round(100.0 * of.Count(i => i.Met) / of.Count);
        }
        var technical = grades.Count == 0 ? Share(RubricArea.TechnicalKnowledge)
            : (int)Math.Round(0.5 * Share(RubricArea.TechnicalKnowledge) + 50 * grades.Average(g => g.Score));
        var penalty = hints switch { HintsNeeded.Light => 10, HintsNeeded.Moderate => 25, HintsNeeded.Heavy => 40, _ => 0 };
        return new AreaScores(Share(RubricArea.DebuggingProcess), technical, Share(RubricArea.Communication), Math.Max(0, Share(RubricArea.Speed) - penalty));
    }

    private static AreaScores Combine(IReadOnlyList<ScenarioEvaluation> scenarios) => scenarios.Count == 0
        ? new AreaScores(0, 0, 0, 0)
        : new AreaScores(
            (int)Math.Round(scenarios.Average(s => s.Scores.DebuggingProcess)),
            (int)Math.Round(scenarios.Average(s => s.Scores.TechnicalKnowledge)),
            (int)Math.Round(scenarios.Average(s => s.Scores.Communication)),
            (int)Math.Round(scenarios.Average(s => s.Scores.Speed)));

    /// <summary>
    /// Strong hire from 85, hire from 70, weak hire from 55. A major red flag caps at weak hire, two mean no hire;
    /// heavy hints cap at weak hire, moderate at hire; an interview with no bug found is at best a weak hire.
    /// </summary>
    /// <summary>The technical-knowledge score (mostly follow-up answers) below which a candidate is not a strong hire.</summary>
    private const int StrongTechnicalKnowledge = 75;

    public static Recommendation Recommend(AreaScores scores, IReadOnlyList<RedFlag> flags, HintsNeeded hints, IReadOnlyList<ScenarioEvaluation> scenarios)
    {
        var majors = flags.Count(f => f.Severity == Severity.Major);
        if (majors >= 2) return Recommendation.NoHire;
        var overall = scores.Overall;
        var r = overall >= 85 ? Recommendation.StrongHire : overall >= 70 ? Recommendation.Hire : overall >= 55 ? Recommendation.WeakHire : Recommendation.NoHire;
        if (majors == 1 || hints == HintsNeeded.Heavy || scenarios.All(s => !s.Solved)) r = Max(r, Recommendation.WeakHire);
        if (hints == HintsNeeded.Moderate) r = Max(r, Recommendation.Hire);
        // "Excellent debugging, would hire immediately" (guide I): not for a candidate who needed a hint or half-answered the follow-ups.
        if (hints != HintsNeeded.None || scores.TechnicalKnowledge < StrongTechnicalKnowledge) r = Max(r, Recommendation.Hire);
        return r;
    }

    /// <summary>The weaker of two recommendations (the enum runs from strongest to weakest).</summary>
    private static Recommendation Max(Recommendation a, Recommendation b) => (Recommendation)Math.Max((int)a, (int)b);

    private static HintsNeeded Worst(IEnumerable<HintsNeeded> all) => all.DefaultIfEmpty(HintsNeeded.None).Max();

    /// <summary>One checklist for the interview: an item is met when every scenario met it.</summary>
    private static IReadOnlyList<ChecklistItem> MergeChecklists(IReadOnlyList<ScenarioEvaluation> scenarios)
    {
        if (scenarios.Count == 1) return scenarios[0].Checklist;
        return scenarios[0].Checklist.Select(first =>
        {
            var all = scenarios.Select(s => (s.Scenario.Id, Item: s.Checklist.First(i => i.Id == first.Id))).ToList();
            return first with
            {
                Met = all.All(a => a.Item.Met),
                ComputedMet = all.All(a => a.Item.ComputedMet),
                // Unmet only where a person has yet to decide: still waiting for review.
                NeedsReview = all.Any(a => a.Item.NeedsReview) && all.All(a => a.Item.Met || a.Item.NeedsReview),
                Evidence = string.Join("; ", all.Select(a => $"{a.Id}: {a.Item.Evidence}")),
                At = all.Select(a => a.Item.At).FirstOrDefault(x => x is not null),
            };
        }).ToList();
    }
}
