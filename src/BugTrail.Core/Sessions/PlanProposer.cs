using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Sessions;

/// <summary>
/// Proposes an interview by guide sections F and G: for 45 minutes, one easy-medium and one medium-hard
/// scenario or a single hard one; formats mixed about 60% code review (B.0). Choices come from the given
/// random source, so a seed makes a proposal repeatable.
/// </summary>
public static class PlanProposer
{
    public const double CodeReviewShare = 0.6;

    public static InterviewPlan Propose(IReadOnlyList<Scenario> bank, Level level, TimeSpan length, Random random)
    {
        InterviewFormat Format(Scenario s) =>
            s.Formats.Count == 1 ? s.Formats[0] : random.NextDouble() < CodeReviewShare ? InterviewFormat.CodeReview : InterviewFormat.ProductionDebugging;

        if (length < TimeSpan.FromMinutes(40))
        {
            var pool = Suited(bank, level, Difficulty.Easy, Difficulty.Medium);
            if (pool.Count == 0) throw new InvalidOperationException($"no easy or medium scenario for level {WireNames.Of(level)}");
            var only = Pick(pool, random);
            return InterviewPlan.Single(only, Format(only), level, length);
        }

        var hard = Suited(bank, level, Difficulty.Hard).Where(s => s.Levels.Contains(level)).ToList();
        if (hard.Count > 0 && (level == Level.Senior && random.NextDouble() < 0.5 || Suited(bank, level, Difficulty.Easy, Difficulty.Medium).Count == 0))
        {
            var one = Pick(hard, random);
            return InterviewPlan.FortyFiveHard(level, one.Id, Format(one));
        }
        var first = Pick(Suited(bank, level, Difficulty.Easy, Difficulty.Medium), random);
        var secondPool = Suited(bank, level, Difficulty.Medium, Difficulty.Hard).Where(s => s.Id != first.Id).ToList();
        if (secondPool.Count == 0) throw new InvalidOperationException($"not enough scenarios for a two-scenario plan at level {WireNames.Of(level)}");
        var second = Pick(secondPool, random);
        if (first.Difficulty > second.Difficulty) (first, second) = (second, first);
        return InterviewPlan.FortyFive(level, (first.Id, Format(first)), (second.Id, Format(second)));
    }

    /// <summary>Scenarios of the level in the given tiers; if there are none, those of the nearest level.</summary>
    private static List<Scenario> Suited(IReadOnlyList<Scenario> bank, Level level, params Difficulty[] tiers)
    {
        foreach (var l in new[] { level, level == Level.Junior ? Level.Mid : level - 1, level == Level.Senior ? Level.Mid : level + 1 })
        {
            var found = bank.Where(s => s.Levels.Contains(l) && tiers.Contains(s.Difficulty)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
            if (found.Count > 0) return found;
        }
        return [];
    }

    private static Scenario Pick(List<Scenario> pool, Random random) => pool[random.Next(pool.Count)];
}
