namespace BugTrail.Core.Scenarios.Views;

/// <summary>
/// Exactly what a candidate sees when the interview opens: the symptom, environment, timeline and
/// basic metrics, plus the code in code-review format. Nothing else of the scenario is reachable from here.
/// </summary>
public sealed record CandidateOpening(
    string ScenarioId,
    string Title,
    InterviewFormat Format,
    string Opening,
    Symptom Symptom,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string Timeline,
    Evidence Metrics,
    CandidateCode? Code)
{
    public static CandidateOpening Of(Scenario scenario, InterviewFormat format)
    {
        if (!scenario.Formats.Contains(format))
            throw new ArgumentException($"scenario '{scenario.Id}' is not offered in {WireNames.Of(format)} format", nameof(format));
        return new(
            scenario.Id,
            scenario.Title,
            format,
            scenario.Openings[format],
            scenario.Symptom,
            scenario.Environment,
            scenario.Timeline,
            scenario.OpeningMetrics,
            format == InterviewFormat.CodeReview ? CandidateCode.Of(scenario.Code) : null);
    }

    /// <summary>Production debugging when offered: it opens with symptoms only.</summary>
    public static InterviewFormat DefaultFormat(Scenario scenario) =>
        scenario.Formats.Contains(InterviewFormat.ProductionDebugging) ? InterviewFormat.ProductionDebugging : scenario.Formats[0];
}

/// <summary>The code as a candidate sees it: the file name and the buggy text, nothing about the bug.</summary>
public sealed record CandidateCode(string FileName, string Text)
{
    public static CandidateCode Of(CodeListing code) => new(code.FileName, string.Join('\n', code.BuggyLines));
}
