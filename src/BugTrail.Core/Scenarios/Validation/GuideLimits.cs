namespace BugTrail.Core.Scenarios.Validation;

/// <summary>The guide's calibration tables (sections A.2, A.3 and G), in one place.</summary>
public static class GuideLimits
{
    /// <summary>Code length by level (guide G).</summary>
    public static (int Min, int Max) CodeLines(Level level) => level switch
    {
        Level.Junior => (15, 30),
        Level.Mid => (30, 60),
        _ => (50, 100),
    };

    /// <summary>A quick code review must be readable in 2–3 minutes (guide A.2).</summary>
    public static readonly (int Min, int Max) QuickReviewLines = (15, 25);

    /// <summary>Solve time by tier: the guide's A.3 tiers, widened to the tier tables of B.3 and J where they overlap.</summary>
    public static (int Min, int Max) SolveMinutes(Difficulty difficulty) => difficulty switch
    {
        Difficulty.Easy => (5, 10),
        Difficulty.Medium => (8, 15),
        _ => (15, 35),
    };

    public const int MinFollowUps = 3;
}
