using System.Text.RegularExpressions;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Policy;

/// <summary>
/// Checks every free answer before it reaches the candidate (guide B.4, C.2): no link drawn to the
/// current symptom or bug, no reference to the bug's location, no part of the fix, no diagnosis.
/// "Would this answer be appropriate in a textbook definition?"
/// </summary>
public static partial class LeakGuard
{
    /// <summary>Phrases that connect a concept to the scenario at hand instead of defining it.</summary>
    private static readonly string[] Connectives =
    [
        "this suggests", "which suggests", "that suggests", "could explain", "would explain", "might explain", "may explain", "explains why",
        "which is relevant", "that is relevant", "this is relevant", "relevant when", "relevant here", "relevant to your", "without proper",
        "without this", "without it,", "missing this", "missing it", "if this is missing", "if it's missing", "can cause", "could cause",
        "may cause", "might cause", "will cause", "would cause", "which is why", "that's why", "that is why", "this is why", "your model",
        "your training", "your run", "your loss", "your code", "your gradients", "your case", "in this case", "in this scenario", "in this run",
        "the bug", "this bug", "the issue here", "the problem here", "what you're seeing", "what you are seeing", "you see", "you're seeing",
        "you are seeing", "in your", "here,", "look at the", "check the", "consider", "notice",
    ];

    public static bool IsSafe(string answer, Scenario scenario, bool aboutThisRun = false) => Problem(answer, scenario, aboutThisRun) is null;

    /// <summary>Why the answer would hint, or null when it is a plain statement.</summary>
    public static string? Problem(string answer, Scenario scenario, bool aboutThisRun = false)
    {
        var n = Phrase.Normalise(answer);
        if (!aboutThisRun && Phrase.First(n, Connectives) is { } connective) return $"connects the concept to the scenario ('{connective}')";
        if (LineReference().Match(n) is { Success: true } line) return $"points at a line ('{line.Value}')";
        foreach (var added in CodeDiff.AddedCode(scenario.Code.Bug).Where(l => l.Length >= 6))
            if (Squash(n).Contains(Squash(added), StringComparison.Ordinal)) return "contains the fixed code";
        if (CodeDiff.FixOnlyIdentifiers(scenario.Code).FirstOrDefault(w => Phrase.HasWord(n, w)) is { } word) return $"uses '{word}', which only the fix contains";
        if (scenario.Fix.Concepts.Count > 0 && scenario.Fix.Concepts.All(c => Phrase.HasAny(n, c.Terms))) return "states the fix";
        if (scenario.RootCause.Concepts.All(c => Phrase.HasAny(n, c.Terms))) return "states the diagnosis";
        if (!aboutThisRun && ScenarioFigures(scenario).FirstOrDefault(f => Phrase.HasWord(n, f)) is { } figure)
            return $"quotes a figure of this scenario ({figure})";
        return null;
    }

    /// <summary>Distinctive numbers from the scenario's symptom and evidence (step numbers, measured values).</summary>
    private static IEnumerable<string> ScenarioFigures(Scenario s) =>
        s.Evidence.Append(s.OpeningMetrics).SelectMany(e => e.Rows).SelectMany(r => r)
            .Where(c => c.Number is double d && double.IsFinite(d) && Math.Abs(d) >= 100 && d != Math.Floor(d / 1000) * 1000)
            .Select(c => c.ToString()).Distinct();

    private static string Squash(string text) => Whitespace().Replace(text.ToLowerInvariant(), "");

    [GeneratedRegex(@"\blines?\s*#?\s*\d+|\bl\d{2,}\b")]
    private static partial Regex LineReference();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
