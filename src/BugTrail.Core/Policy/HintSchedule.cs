using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Policy;

/// <summary>
/// When hints become due (guide B.3, F, H), as offsets from the moment the scenario opened.
/// Hints only come while the candidate is stuck: steady progress postpones them indefinitely.
/// </summary>
public static class HintSchedule
{
    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>No hint unless the candidate has made no progress for this long.</summary>
    public static readonly TimeSpan StuckFor = M(3);

    /// <summary>Going in circles this long brings the next hint forward (production debugging).</summary>
    public static readonly TimeSpan CirclingFor = M(5);

    /// <summary>Silence this long gets "How's it going?"; silence this long after it gets a hint.</summary>
    public static readonly TimeSpan SilenceCheckIn = M(3);
    public static readonly TimeSpan SilenceHint = M(5);

    /// <summary>Never two hints closer than this, unless the candidate asks or gives up.</summary>
    public static readonly TimeSpan Spacing = M(2);

    /// <summary>Guide F: "How's it going?" from 5 minutes on the bug.</summary>
    public static readonly TimeSpan CheckInAfter = M(5);

    /// <summary>The earliest time each tier may come, by difficulty and format.</summary>
    public static TimeSpan Earliest(HintTier tier, Difficulty difficulty, InterviewFormat format)
    {
        if (format == InterviewFormat.CodeReview)
        {
            // Type 1: minimal hints; small suggestions only past ~8 min (easy) to ~15 min (hard).
            var first = difficulty switch { Difficulty.Easy => 8, Difficulty.Medium => 12, _ => 15 };
            return M(first + 3 * (int)tier);
        }
        // Type 2 baseline (medium): gentle 8, direct 10, strong 12; easy 3/5/7; hard 15/18/21.
        return (difficulty, tier) switch
        {
            (Difficulty.Easy, _) => M(3 + 2 * (int)tier),
            (Difficulty.Medium, _) => M(8 + 2 * (int)tier),
            _ => M(15 + 3 * (int)tier),
        };
    }
}
