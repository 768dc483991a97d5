using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Evaluation;

/// <summary>The guide's rubric areas (section D) and their weights.</summary>
public enum RubricArea { DebuggingProcess, TechnicalKnowledge, Communication, Speed }

public enum Recommendation { StrongHire, Hire, WeakHire, NoHire }

public enum HintsNeeded { None, Light, Moderate, Heavy }

public enum Severity { Major, Minor }

/// <summary>One checklist item, computed from what happened, with the moment that proves it.</summary>
public sealed record ChecklistItem(string Id, RubricArea Area, string Label, bool Met, string Evidence, TimeSpan? At)
{
    /// <summary>What the evaluation fold computed, before any interviewer override.</summary>
    public bool ComputedMet { get; init; } = Met;
    public string? OverrideReason { get; init; }
    /// <summary>
    /// Not met, but only because of a reading the reader is unsure of (the quote is in <see cref="Evidence"/>): a person
    /// should decide. It counts neither for nor against the scores until an interviewer overrides it.
    /// </summary>
    public bool NeedsReview { get; init; }
}

public sealed record RedFlag(string Id, Severity Severity, string Label, TimeSpan At, string Evidence);

/// <summary>A follow-up answer graded against the key points of a strong and of a weak answer.</summary>
public sealed record FollowUpGrade(
    string FollowUpId,
    string Question,
    string Answer,
    IReadOnlyList<string> StrongPointsMade,
    IReadOnlyList<string> StrongPointsMissed,
    IReadOnlyList<string> WeakPointsMade,
    IReadOnlyList<string> RedFlagPhrases,
    double Score,
    TimeSpan AskedAt)
{
    /// <summary>Key points the answer may make in other words: the model found it near them, not near enough to be sure.</summary>
    public IReadOnlyList<string> Uncertain { get; init; } = [];
}

public sealed record AreaScores(int DebuggingProcess, int TechnicalKnowledge, int Communication, int Speed)
{
    public static readonly IReadOnlyDictionary<RubricArea, double> Weights = new Dictionary<RubricArea, double>
    {
        [RubricArea.DebuggingProcess] = 0.4, [RubricArea.TechnicalKnowledge] = 0.3, [RubricArea.Communication] = 0.2, [RubricArea.Speed] = 0.1,
    };

    public int Overall => (int)Math.Round(0.4 * DebuggingProcess + 0.3 * TechnicalKnowledge + 0.2 * Communication + 0.1 * Speed);

    public int this[RubricArea area] => area switch
    {
        RubricArea.DebuggingProcess => DebuggingProcess,
        RubricArea.TechnicalKnowledge => TechnicalKnowledge,
        RubricArea.Communication => Communication,
        _ => Speed,
    };

    public AreaScores With(RubricArea area, int value) => area switch
    {
        RubricArea.DebuggingProcess => this with { DebuggingProcess = value },
        RubricArea.TechnicalKnowledge => this with { TechnicalKnowledge = value },
        RubricArea.Communication => this with { Communication = value },
        _ => this with { Speed = value },
    };
}

/// <summary>A quotation of the candidate, with when it was said, to back strengths and areas for improvement.</summary>
public sealed record Quote(TimeSpan At, string Text);

public sealed record ScenarioEvaluation
{
    public required Scenario Scenario { get; init; }
    public required InterviewFormat Format { get; init; }
    public required bool Solved { get; init; }
    public required bool Cut { get; init; }
    public required TimeSpan? TimeToSolve { get; init; }
    public required TimeSpan TimeSpent { get; init; }
    public required IReadOnlyList<HintGiven> Hints { get; init; }
    public required HintsNeeded HintsNeeded { get; init; }
    public required IReadOnlyList<ChecklistItem> Checklist { get; init; }
    public required IReadOnlyList<RedFlag> RedFlags { get; init; }
    /// <summary>Flags raised but dismissed by an interviewer (with a reason, in the overrides): they count for nothing.</summary>
    public IReadOnlyList<RedFlag> DismissedRedFlags { get; init; } = [];
    public required IReadOnlyList<FollowUpGrade> FollowUps { get; init; }
    public required AreaScores Scores { get; init; }
    public required IReadOnlyList<string> Strengths { get; init; }
    public required IReadOnlyList<string> Improvements { get; init; }
}

/// <summary>The evaluation of a whole interview: per scenario, and overall with the recommendation.</summary>
public sealed record InterviewEvaluation
{
    public required Level Level { get; init; }
    public required IReadOnlyList<ScenarioEvaluation> Scenarios { get; init; }
    public required AreaScores ComputedScores { get; init; }
    public required AreaScores Scores { get; init; }
    public required Recommendation ComputedRecommendation { get; init; }
    public required Recommendation Recommendation { get; init; }
    public required HintsNeeded HintsNeeded { get; init; }
    public required TimeSpan? TimeToSolve { get; init; }
    public required IReadOnlyList<ChecklistItem> Checklist { get; init; }
    public required IReadOnlyList<RedFlag> RedFlags { get; init; }
    public required IReadOnlyList<Override> Overrides { get; init; }

    /// <summary>Checklist items left for a person to decide: the recommendation depends on them until they are overridden.</summary>
    public IReadOnlyList<ChecklistItem> NeedsReview => [.. Checklist.Where(i => i.NeedsReview)];
}
