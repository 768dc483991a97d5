using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Policy;

/// <summary>
/// The interviewer's policy: pure functions of (state, event, now) → actions, following the guide's
/// Part 2. <see cref="Respond"/> answers a message; <see cref="NextDue"/> and <see cref="Tick"/> act on time.
/// </summary>
public static class Interviewer
{
    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>After wrapping up, the interview ends when the candidate replies or after this long.</summary>
    public static readonly TimeSpan WrapUpGrace = M(5);

    // ---- messages ----------------------------------------------------------------------------

    /// <summary>The reply to a message: the rules of <see cref="PolicyTable"/> for the current phase, in order.</summary>
    public static IReadOnlyList<InterviewerAction> Respond(InterviewState state, Utterance said, DateTimeOffset now)
    {
        if (state.Ended) return [];
        var phase = PolicyTable.PhaseOf(state);
        if (phase == Phase.Opening || (state.Active ?? state.Slots[^1]) is not { } p) return [];
        var turn = new Turn(state, p, now, said);
        PolicyTable.Decide(turn, phase, Trigger.Message);
        return turn.Actions;
    }

    /// <summary>The interviewer decides to move on: cut this scenario, then open the next one in the plan or wrap up.</summary>
    public static IReadOnlyList<InterviewerAction> MoveOn(InterviewState state, DateTimeOffset now)
    {
        if (state.Ended || state.WrappedUpAt is not null || state.Active is not { } p) return [];
        var t = new Turn(state, p, now, null);
        if (p.Stage == Stage.Hunting) t.Say(ActionKind.Cut, "Let's leave this one here and move on.");
        Moves.Close(t);
        return t.Actions;
    }

    // ---- time -------------------------------------------------------------------------------

    /// <summary>The next moment the interviewer would act without being spoken to, if any.</summary>
    public static DateTimeOffset? NextDue(InterviewState state)
    {
        if (state.Ended) return null;
        if (state.WrappedUpAt is { } wrapped)
            return Min(wrapped + WrapUpGrace, state.StartedAt + state.Plan.Length);
        // The first scenario is presented at once, with the introduction of guide F's first two minutes;
        // the plan's time boxes stay where they are.
        if (state.Active is not { } p)
            return state.Slots.Count > 0 ? state.StartedAt : null;
        var start = state.StartedAt;
        if (p.Stage != Stage.Hunting) return Min(start + p.Slot.Closes, start + state.Plan.Length);

        var opened = p.OpenedAt!.Value;
        var due = new List<DateTimeOffset?> { start + p.Slot.SolveBy, NoProgressCut(p) };
        var lastHeard = Max(state.LastCandidateAt, opened);
        var lastCheckIn = p.LastInterventionAt;
        var lastHint = p.Hints.Count > 0 ? p.Hints[^1].At : (DateTimeOffset?)null;

        if (lastCheckIn is null || lastCheckIn < lastHeard) due.Add(lastHeard + HintSchedule.SilenceCheckIn);
        if (p.CheckIns.Count == 0) due.Add(FirstCheckIn(p, lastHeard));
        if (p.NextHintTier is { } tier)
        {
            var spacing = lastHint is { } h ? h + HintSchedule.Spacing : opened;
            var scheduled = Max(opened + HintSchedule.Earliest(tier, p.Scenario.Difficulty, p.Slot.Format), p.LastProgressAt!.Value + HintSchedule.StuckFor);
            due.Add(Max(scheduled, spacing));
            if (p.Slot.Format == InterviewFormat.ProductionDebugging)
            {
                due.Add(Max(Max(p.LastProgressAt!.Value + HintSchedule.CirclingFor, opened + HintSchedule.CirclingFor), spacing));
                if (lastCheckIn is { } ci && ci >= lastHeard && (lastHint is null || lastHint < lastHeard))
                    due.Add(Max(lastHeard + HintSchedule.SilenceHint, spacing));
            }
        }
        return due.Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
    }

    /// <summary>What the interviewer does at <paramref name="now"/> because of time alone: the table's time rules.</summary>
    public static IReadOnlyList<InterviewerAction> Tick(InterviewState state, DateTimeOffset now)
    {
        if (state.Ended || NextDue(state) is not { } due || due > now) return [];
        var p = state.Active ?? state.Slots[state.WrappedUpAt is null ? 0 : ^1];
        var turn = new Turn(state, p, now, null);
        PolicyTable.Decide(turn, PolicyTable.PhaseOf(state), Trigger.Time);
        return turn.Actions;
    }

    /// <summary>When the candidate was last heard on this scenario (its opening counts as heard).</summary>
    internal static DateTimeOffset LastHeard(Turn t) => Max(t.State.LastCandidateAt, t.Progress.OpenedAt!.Value);

    internal static bool HintDue(ScenarioProgress p, DateTimeOffset lastHeard, DateTimeOffset? lastCheckIn, DateTimeOffset now)
    {
        if (p.NextHintTier is not { } tier || !Moves.CanHintNow(p, now, askedFor: false)) return false;
        var opened = p.OpenedAt!.Value;
        var progress = p.LastProgressAt!.Value;
        var scheduled = now >= opened + HintSchedule.Earliest(tier, p.Scenario.Difficulty, p.Slot.Format) && now >= progress + HintSchedule.StuckFor;
        if (p.Slot.Format == InterviewFormat.CodeReview) return scheduled;
        var circling = now >= progress + HintSchedule.CirclingFor && now >= opened + HintSchedule.CirclingFor;
        var lastHint = p.Hints.Count > 0 ? p.Hints[^1].At : (DateTimeOffset?)null;
        var silent = lastCheckIn is { } ci && ci >= lastHeard && (lastHint is null || lastHint < lastHeard) && now >= lastHeard + HintSchedule.SilenceHint;
        return scheduled || circling || silent;
    }

    /// <summary>Guide F: "How's it going?" from 5 minutes on the bug, once the candidate has gone 3 minutes without progress.</summary>
    internal static DateTimeOffset FirstCheckIn(ScenarioProgress p, DateTimeOffset lastHeard)
    {
        // Never right after the candidate spoke: the silence is measured from their last message.
        var due = Max(Max(p.OpenedAt!.Value + HintSchedule.CheckInAfter, p.LastProgressAt!.Value + HintSchedule.StuckFor), lastHeard + HintSchedule.SilenceCheckIn);
        return p.LastInterventionAt is { } last ? Max(due, last + HintSchedule.SilenceCheckIn) : due;
    }

    /// <summary>Guide F: past 15 minutes with no progress after the strong hint, move on.</summary>
    internal static DateTimeOffset? NoProgressCut(ScenarioProgress p)
    {
        if (p.Hints.Count < 3 || p.OpenedAt is not { } opened) return null;
        return Max(Max(opened + M(15), p.Hints[^1].At + M(3)), p.LastProgressAt!.Value + HintSchedule.CirclingFor);
    }

    /// <summary>Guide B.2: code once the candidate has hypotheses, has looked at evidence, and has narrowed down or asked about the implementation.</summary>
    /// <remarks>A claim (right or wrong alike, guide B.4) counts as a hypothesis with reasoning behind it.</remarks>
    public static bool CodeUnlocked(ScenarioProgress p) =>
        (p.Causes.Count > 0 || p.ClaimedAt is not null) && (p.GatedReleased > 0 || p.ClaimedAt is not null)
        && (p.NarrowedAt is not null || p.ImplementationAskedAt is not null);

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
