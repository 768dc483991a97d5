using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Evaluation;

/// <summary>
/// The evaluation in DESIGN.md's wire shape (serialised as snake_case by the front ends), plus the computed
/// values beside the final ones and the per-scenario detail.
/// </summary>
public sealed record EvaluationView(
    ScoresView Scores,
    string Recommendation,
    string HintsNeeded,
    int? TimeToSolveSeconds,
    IReadOnlyList<RedFlagView> RedFlags,
    IReadOnlyList<ChecklistView> Checklist,
    ScoresView ComputedScores,
    string ComputedRecommendation,
    IReadOnlyList<ScenarioView> Scenarios,
    IReadOnlyList<OverrideView> Overrides)
{
    public static EvaluationView Of(InterviewEvaluation e) => new(
        ScoresView.Of(e.Scores), Name(e.Recommendation), Name(e.HintsNeeded), Seconds(e.TimeToSolve),
        e.RedFlags.Select(RedFlagView.Of).ToList(), e.Checklist.Select(ChecklistView.Of).ToList(),
        ScoresView.Of(e.ComputedScores), Name(e.ComputedRecommendation),
        e.Scenarios.Select(ScenarioView.Of).ToList(), e.Overrides.Select(OverrideView.Of).ToList());

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var text = value.ToString();
        var chars = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0) chars.Append('_');
            chars.Append(char.ToLowerInvariant(text[i]));
        }
        return chars.ToString();
    }

    internal static int? Seconds(TimeSpan? t) => t is { } x ? (int)x.TotalSeconds : null;
}

public sealed record ScoresView(int DebuggingProcess, int TechnicalKnowledge, int Communication, int Speed, int Overall)
{
    public static ScoresView Of(AreaScores s) => new(s.DebuggingProcess, s.TechnicalKnowledge, s.Communication, s.Speed, s.Overall);
}

public sealed record RedFlagView(string Id, string Severity, int At, string Evidence, string Label, string ScenarioId)
{
    public static RedFlagView Of(RedFlag f) => new(f.Id, EvaluationView.Name(f.Severity), (int)f.At.TotalSeconds, f.Evidence, f.Label, "");
}

public sealed record ChecklistView(string Id, string Area, bool Met, string Evidence, string Label, int? At, bool ComputedMet, string? OverrideReason, bool NeedsReview)
{
    public static ChecklistView Of(ChecklistItem i) =>
        new(i.Id, EvaluationView.Name(i.Area), i.Met, i.Evidence, i.Label, EvaluationView.Seconds(i.At), i.ComputedMet, i.OverrideReason, i.NeedsReview);
}

public sealed record FollowUpView(string Id, string Question, string Answer, double Score, IReadOnlyList<string> StrongPointsMade,
    IReadOnlyList<string> StrongPointsMissed, IReadOnlyList<string> WeakPointsMade, IReadOnlyList<string> RedFlags, int AskedAt)
{
    public static FollowUpView Of(FollowUpGrade g) => new(g.FollowUpId, g.Question, g.Answer, g.Score, g.StrongPointsMade, g.StrongPointsMissed,
        g.WeakPointsMade, g.RedFlagPhrases, (int)g.AskedAt.TotalSeconds);
}

public sealed record ScenarioView(string Id, string Title, string Format, string Difficulty, bool Solved, bool Cut, int? TimeToSolveSeconds,
    string HintsNeeded, IReadOnlyList<string> Hints, ScoresView Scores, IReadOnlyList<ChecklistView> Checklist, IReadOnlyList<RedFlagView> RedFlags,
    IReadOnlyList<FollowUpView> FollowUps, IReadOnlyList<string> Strengths, IReadOnlyList<string> Improvements)
{
    public static ScenarioView Of(ScenarioEvaluation s) => new(
        s.Scenario.Id, s.Scenario.Title, WireNames.Of(s.Format), WireNames.Of(s.Scenario.Difficulty), s.Solved, s.Cut,
        EvaluationView.Seconds(s.TimeToSolve), EvaluationView.Name(s.HintsNeeded),
        s.Hints.Select(h => WireNames.Of(h.Tier)).ToList(), ScoresView.Of(s.Scores), s.Checklist.Select(ChecklistView.Of).ToList(),
        s.RedFlags.Select(f => RedFlagView.Of(f) with { ScenarioId = s.Scenario.Id }).ToList(), s.FollowUps.Select(FollowUpView.Of).ToList(),
        s.Strengths, s.Improvements);
}

public sealed record OverrideView(string Kind, string Target, string Value, string Reason)
{
    public static OverrideView Of(Override o) => o switch
    {
        ChecklistOverride c => new("checklist", c.ItemId, c.Met ? "met" : "not_met", c.Reason),
        ScoreOverride s => new("score", EvaluationView.Name(s.Area), s.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Reason),
        RecommendationOverride r => new("recommendation", "recommendation", EvaluationView.Name(r.Recommendation), r.Reason),
        RedFlagOverride f => new("red_flag", f.FlagId, "dismissed", f.Reason),
        _ => throw new ArgumentException("unknown override", nameof(o)),
    };
}
