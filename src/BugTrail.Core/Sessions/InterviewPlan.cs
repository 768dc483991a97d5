using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Sessions;

/// <summary>
/// One scenario's place in an interview: when it opens, when the hunt for the bug is cut, and when its
/// follow-ups must end (guide F's time boxes). Times are offsets from the start of the interview.
/// </summary>
public sealed record PlannedScenario(string ScenarioId, InterviewFormat Format, TimeSpan Opens, TimeSpan SolveBy, TimeSpan Closes);

/// <summary>The shape of an interview: its level, its scenarios in order, and its total length.</summary>
public sealed record InterviewPlan(Level Level, IReadOnlyList<PlannedScenario> Scenarios, TimeSpan Length)
{
    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>
    /// A single scenario: by default the hunt may run to the guide's cut point for its tier (15 minutes, or 35
    /// for a hard bug, which is designed to take 25–35), then 4 minutes of follow-ups and a minute to wrap up.
    /// With a booked length, the hunt runs to 5 minutes before its end. Either way a candidate making no
    /// progress after the strong hint is moved on from 15 minutes (guide F).
    /// </summary>
    public static InterviewPlan Single(Scenario scenario, InterviewFormat format, Level level, TimeSpan? length = null)
    {
        if (length is { } total)
        {
            var hunt = total - M(5) >= M(3) ? total - M(5) : total * 0.6;
            return new(level, [new(scenario.Id, format, TimeSpan.Zero, hunt, total - M(1))], total);
        }
        var solve = scenario.Difficulty == Difficulty.Hard ? M(35) : M(15);
        return new(level, [new(scenario.Id, format, TimeSpan.Zero, solve, solve + M(4))], solve + M(5));
    }

    /// <summary>Guide F's 45 minutes with two scenarios: easy-medium 02:00–15:00 (+3 follow-ups), medium-hard 18:00–35:00 (+5), wrap-up 40–45.</summary>
    public static InterviewPlan FortyFive(Level level, (string Id, InterviewFormat Format) first, (string Id, InterviewFormat Format) second) =>
        new(level, [new(first.Id, first.Format, M(2), M(15), M(18)), new(second.Id, second.Format, M(18), M(35), M(40))], M(45));

    /// <summary>Guide F's 45 minutes with one hard scenario: 02:00–35:00, follow-ups to 40:00, wrap-up to 45:00.</summary>
    public static InterviewPlan FortyFiveHard(Level level, string id, InterviewFormat format) =>
        new(level, [new(id, format, M(2), M(35), M(40))], M(45));
}
