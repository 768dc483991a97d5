using System.Collections.Immutable;
using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Sessions;

/// <summary>Where a scenario's run stands: hunting for the bug, then the guide's follow-up sequence.</summary>
public enum Stage
{
    /// <summary>Not opened yet.</summary>
    Waiting,
    /// <summary>The candidate is looking for the bug.</summary>
    Hunting,
    /// <summary>The bug is acknowledged; questions on its mechanism are asked, one at a time.</summary>
    FollowUps,
    /// <summary>Fix and verification are asked (if not covered already).</summary>
    FixAndVerify,
    /// <summary>One last question, asked after the questions on the mechanism.</summary>
    Probe,
    /// <summary>This scenario is over (solved or cut).</summary>
    Done,
}

public sealed record HintGiven(HintTier Tier, DateTimeOffset At);

/// <summary>The run of one scenario, folded from the session log.</summary>
public sealed record ScenarioProgress
{
    public required Scenario Scenario { get; init; }
    public required PlannedScenario Slot { get; init; }
    public Stage Stage { get; init; } = Stage.Waiting;
    public DateTimeOffset? OpenedAt { get; init; }
    public ImmutableHashSet<EvidenceKind> Released { get; init; } = [];
    public DateTimeOffset? CodeShownAt { get; init; }
    public ImmutableList<string> Causes { get; init; } = [];
    public DateTimeOffset? FirstHypothesesAt { get; init; }
    public DateTimeOffset? NarrowedAt { get; init; }
    public DateTimeOffset? ImplementationAskedAt { get; init; }
    public DateTimeOffset? LastProgressAt { get; init; }
    public ImmutableList<HintGiven> Hints { get; init; } = [];
    public ImmutableList<DateTimeOffset> CheckIns { get; init; } = [];
    /// <summary>The last time the interviewer stepped in unprompted (a check-in or a hint).</summary>
    public DateTimeOffset? LastInterventionAt { get; init; }
    public DateTimeOffset? BugFoundAt { get; init; }
    /// <summary>When the candidate first stated the root cause, before the interviewer acknowledged it (they have yet to check it).</summary>
    public DateTimeOffset? RootCauseNamedAt { get; init; }
    /// <summary>When the candidate first asserted a cause, right or wrong.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }
    /// <summary>The evidence the interviewer asked back about ("Do you mean the gradient norms?"): a "yes" releases it.</summary>
    public EvidenceKind? OfferedEvidence { get; init; }
    /// <summary>The interviewer's last redirect or nudge, so the same prompt is not repeated.</summary>
    public string? LastPrompt { get; init; }
    public ImmutableList<string> FollowUpsAsked { get; init; } = [];
    /// <summary>Follow-ups asked and not yet answered, oldest first: the interviewer waits for them before moving on.</summary>
    public ImmutableList<string> PendingFollowUps { get; init; } = [];
    public DateTimeOffset? FixProposedAt { get; init; }
    public DateTimeOffset? VerificationAt { get; init; }
    /// <summary>When the interviewer asked for the fix, and for its verification: each is asked once, never in a loop.</summary>
    public DateTimeOffset? FixAskedAt { get; init; }
    public DateTimeOffset? VerifyAskedAt { get; init; }
    public DateTimeOffset? CutAt { get; init; }
    public DateTimeOffset? DoneAt { get; init; }

    public bool CodeVisible => CodeShownAt is not null;

    public HintTier? NextHintTier => Hints.Count switch
    {
        0 => HintTier.Gentle,
        1 => HintTier.Direct,
        2 => HintTier.Strong,
        _ => null,
    };

    /// <summary>The first prerequisite of <paramref name="evidence"/> not yet released, if any.</summary>
    public EvidenceKind? MissingPrerequisite(Evidence evidence) =>
        evidence.Requires.Where(r => !Released.Contains(r)).Select(r => (EvidenceKind?)r).FirstOrDefault();

    /// <summary>Evidence released beyond what the opening showed.</summary>
    public int GatedReleased => Released.Count(k => k != Scenario.OpeningMetrics.Kind);
}
