using BugTrail.Core.Evaluation;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Reports;

/// <summary>Everything a post-interview report is written from.</summary>
/// <param name="Versions">Scenario id → the content hash of the version the session used, when the store recorded it.</param>
public sealed record ReportInput(InterviewEvaluation Evaluation, IReadOnlyList<SessionEvent> Log, BarComparison? Bar,
    IReadOnlyDictionary<string, string>? Versions = null)
{
    /// <summary>"version X", and a warning when the bank now holds a different one.</summary>
    public string? VersionOf(BugTrail.Core.Scenarios.Scenario scenario) =>
        Versions is not null && Versions.TryGetValue(scenario.Id, out var used) && used.Length > 0
            ? used == scenario.ContentHash ? $"version {used}" : $"version {used} (the bank now holds {scenario.ContentHash}; this report reads the session with the current one)"
            : null;

    public InterviewStarted Started => (InterviewStarted)Log[0];

    public string Candidate => Started.Candidate is { Length: > 0 } name ? name : "Practice candidate";
}

/// <summary>The guide's template (section I) as data: its headings and which checklist items fill them.</summary>
public static class Template
{
    public static readonly IReadOnlyList<(string Heading, RubricArea Area, (string Id, string Label)[] Items)> Sections =
    [
        ("Debugging Process", RubricArea.DebuggingProcess,
            [("forms_hypotheses", "Formed clear hypotheses"), ("logical_information_order", "Systematic information gathering"),
             ("narrows_down", "Logical narrowing approach"), ("adapts_when_wrong", "Recovered from wrong paths"),
             ("no_jumping_to_conclusions", "Didn't jump to conclusions")]),
        ("Technical Depth", RubricArea.TechnicalKnowledge,
            [("found_bug", "Found bug correctly"), ("explains_root_cause", "Explained root cause"), ("correct_fix", "Proposed correct fix"),
             ("understands_implications", "Understood implications"), ("reads_code_fluently", "Read the code fluently")]),
        ("Communication", RubricArea.Communication,
            [("explains_reasoning", "Clear explanation"), ("asks_good_questions", "Good questions"), ("organized_thinking", "Organized thinking"),
             ("thinks_out_loud", "Thought out loud")]),
        ("Speed & Efficiency", RubricArea.Speed,
            [("reasonable_time", "Found the bug in reasonable time"), ("no_dead_ends", "No time wasted on dead ends"),
             ("recovers_quickly", "Recovered quickly from wrong paths")]),
    ];

    public static readonly IReadOnlyList<(Recommendation Value, string Label, string Meaning)> Recommendations =
    [
        (Recommendation.StrongHire, "Strong Hire", "Excellent debugging, would hire immediately"),
        (Recommendation.Hire, "Hire", "Solid performance, meets bar"),
        (Recommendation.WeakHire, "Weak Hire", "Barely meets bar, border case"),
        (Recommendation.NoHire, "No Hire", "Significant gaps in debugging or communication"),
    ];

    public static string Level(BugTrail.Core.Scenarios.Level level) => level switch
    {
        BugTrail.Core.Scenarios.Level.Junior => "Junior / new grad",
        BugTrail.Core.Scenarios.Level.Mid => "Mid-level",
        _ => "Senior",
    };

    public static string Format(BugTrail.Core.Scenarios.InterviewFormat format) =>
        format == BugTrail.Core.Scenarios.InterviewFormat.CodeReview ? "code review" : "production debugging";

    public static string Hints(HintsNeeded h) => h switch
    {
        HintsNeeded.None => "None",
        HintsNeeded.Light => "Light",
        HintsNeeded.Moderate => "Moderate",
        _ => "Heavy",
    };

    public static string Minutes(TimeSpan t) => $"{t.TotalMinutes:0.#} minutes";
}
