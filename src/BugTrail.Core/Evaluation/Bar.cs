using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Evaluation;

/// <summary>One earlier candidate, as the bar sees them.</summary>
public sealed record BarEntry(Level Level, string Scenarios, DateTimeOffset StartedAt, int Overall, TimeSpan? TimeToSolve);

/// <summary>Where a candidate sits among earlier candidates of the same level and scenario(s).</summary>
public sealed record BarComparison(int Earlier, double? OverallPercentile, double? TimePercentile, int? MedianOverall, string Summary);

/// <summary>
/// The comparison to the bar of guide section I: the candidate's percentile among earlier candidates at
/// the same level on the same scenario(s), for the overall score and for time to solve.
/// </summary>
public static class Bar
{
    /// <summary>Below this many earlier candidates a percentile says little, and the report says so.</summary>
    public const int Minimum = 5;

    public static BarEntry EntryOf(InterviewEvaluation e, DateTimeOffset startedAt) =>
        new(e.Level, string.Join("+", e.Scenarios.Select(s => s.Scenario.Id)), startedAt, e.Scores.Overall, e.TimeToSolve);

    public static BarComparison Compare(BarEntry current, IEnumerable<BarEntry> all)
    {
        var earlier = all.Where(b => b.Level == current.Level && b.Scenarios == current.Scenarios && b.StartedAt < current.StartedAt).ToList();
        var who = $"{WireNames.Of(current.Level)}-level candidates on {current.Scenarios}";
        if (earlier.Count < Minimum)
            return new(earlier.Count, null, null, null,
                $"Only {earlier.Count} earlier {who}: too few to compare (at least {Minimum} are needed).");
        var overall = Percentile(earlier.Select(e => (double)e.Overall), current.Overall);
        var median = (int)Math.Round(Median(earlier.Select(e => (double)e.Overall)));
        var solved = earlier.Where(e => e.TimeToSolve is not null).ToList();
        double? time = current.TimeToSolve is { } t && solved.Count > 0
            ? 100.0 * solved.Count(e => e.TimeToSolve > t) / earlier.Count + 50.0 * solved.Count(e => e.TimeToSolve == t) / earlier.Count
            + 100.0 * (earlier.Count - solved.Count) / earlier.Count
            : null;
        var summary = $"Overall {current.Overall} is above {overall:0}% of {earlier.Count} earlier {who} (median {median}).";
        summary += (time, current.TimeToSolve) switch
        {
            ({ } tp, { } took) => $" Solved in {took.TotalMinutes:0.#} min: faster than {tp:0}% of them (those who never solved it count as slower).",
            (_, null) => " Did not solve it.",
            _ => "",
        };
        return new(earlier.Count, Math.Round(overall, 1), time is { } x ? Math.Round(x, 1) : null, median, summary);
    }

    /// <summary>Share of values below, counting ties as half (the mid-rank percentile).</summary>
    private static double Percentile(IEnumerable<double> values, double value)
    {
        var list = values.ToList();
        return 100.0 * (list.Count(v => v < value) + 0.5 * list.Count(v => v == value)) / list.Count;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
