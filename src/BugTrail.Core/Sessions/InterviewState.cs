using System.Collections.Immutable;
using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Sessions;

/// <summary>The whole interview, folded from its log: the plan, each scenario's progress, the clock marks.</summary>
public sealed record InterviewState
{
    public required InterviewPlan Plan { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required ImmutableList<ScenarioProgress> Slots { get; init; }
    /// <summary>The scenario being worked on, or -1 before the first opens.</summary>
    public int Current { get; init; } = -1;
    public DateTimeOffset? LastCandidateAt { get; init; }
    public DateTimeOffset? WrappedUpAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    public ScenarioProgress? Active => Current >= 0 && Current < Slots.Count ? Slots[Current] : null;

    public bool Ended => EndedAt is not null;

    public TimeSpan Elapsed(DateTimeOffset now) => now - StartedAt;

    public InterviewState WithActive(Func<ScenarioProgress, ScenarioProgress> change) =>
        Active is null ? this : this with { Slots = Slots.SetItem(Current, change(Active)) };

    public static InterviewState Begin(InterviewPlan plan, DateTimeOffset at, Func<string, Scenario> scenarios) => new()
    {
        Plan = plan,
        StartedAt = at,
        Slots = plan.Scenarios.Select(s => new ScenarioProgress { Scenario = scenarios(s.ScenarioId), Slot = s }).ToImmutableList(),
    };
}
