using BugTrail.Core.Policy;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Sessions;

/// <summary>State as a fold over the log: each event changes the state in one pure step.</summary>
public static class SessionFold
{
    /// <summary>Rebuilds the state from a stored log; the candidate's words are understood again, deterministically.</summary>
    public static InterviewState Replay(IReadOnlyList<SessionEvent> log, Func<string, Scenario> scenarios, IReader reader)
    {
        if (log.Count == 0 || log[0] is not InterviewStarted started)
            throw new ArgumentException("a session log starts with InterviewStarted", nameof(log));
        var state = InterviewState.Begin(started.Plan, started.At, scenarios);
        foreach (var e in log.Skip(1))
        {
            state = e switch
            {
                CandidateSaid said => Candidate(state, said.At, Understand(state, said.Text, reader)),
                InterviewerActed acted => Interviewer(state, acted.At, acted.Action),
                _ => state,
            };
        }
        return state;
    }

    public static Utterance Understand(InterviewState state, string text, IReader reader) =>
        state.Active is { } active
            ? reader.Read(text, active.Scenario, new ReadingContext(active.CodeVisible, FixAsked: active.Stage == Stage.FixAndVerify,
                Pending: active.PendingFollowUps.Select(id => active.Scenario.FollowUps.First(f => f.Id == id)).ToList()))
            : new Utterance(text, []);

    public static InterviewState Candidate(InterviewState state, DateTimeOffset at, Utterance said)
    {
        state = state with { LastCandidateAt = at };
        return state.WithActive(p =>
        {
            if (p.Stage == Stage.Hunting) p = Hunting(p, at, said);
            else if (p.Stage is Stage.FollowUps or Stage.FixAndVerify or Stage.Probe && Answering.IsAnswer(p.Stage, said))
                p = p with
                {
                    PendingFollowUps = said.Find<AnswersFollowUps>() is { } answers ? p.PendingFollowUps.RemoveAll(answers.Ids.Contains) : [],
                };
            // An answer is bound to the question it answers: a fix or a verification plan counts when it is offered with the
            // diagnosis or asked for, not when a word of one turns up in the answer to a "why" follow-up.
            var offered = p.Stage is Stage.Hunting or Stage.FixAndVerify;
            if (offered && said.Find<ProposesFix>() is { Correct: true } && p.FixProposedAt is null) p = p with { FixProposedAt = at };
            var planned = p.Stage == Stage.FixAndVerify || (p.Stage == Stage.Hunting && said.Find<ProposesFix>() is { Correct: true });
            // Once asked how to verify, a statement naming what to watch ("rerun and check the gradient norm stays flat") is the plan.
            var verifies = said.Has<DescribesVerification>() || (said.Has<RequestsEvidence>() && !said.Text.Contains('?', StringComparison.Ordinal));
            if (planned && verifies && p.VerificationAt is null) p = p with { VerificationAt = at };
            return p;
        });
    }

    private static ScenarioProgress Hunting(ScenarioProgress p, DateTimeOffset at, Utterance said)
    {
        if (said.Find<StatesHypotheses>() is { } h)
        {
            var fresh = h.Causes.Where(c => !p.Causes.Contains(c)).ToList();
            if (fresh.Count > 0)
                p = p with { Causes = p.Causes.AddRange(fresh), FirstHypothesesAt = p.FirstHypothesesAt ?? at, LastProgressAt = at };
        }
        if (said.Find<ClaimsRootCause>() is { Correct: true } && p.RootCauseNamedAt is null)
            p = p with { RootCauseNamedAt = at, LastProgressAt = at };
        var claims = said.Has<ClaimsRootCause>();
        if (claims && p.ClaimedAt is null) p = p with { ClaimedAt = at };
        // Naming the component only counts as narrowing once the candidate has looked at evidence (guide B.2, E.2).
        if (said.Has<NarrowsToComponent>() && p.NarrowedAt is null && (p.GatedReleased > 0 || claims))
            p = p with { NarrowedAt = at, LastProgressAt = at };
        if (said.Has<AsksImplementation>() && p.ImplementationAskedAt is null && p.GatedReleased > 0)
            p = p with { ImplementationAskedAt = at, LastProgressAt = at };
        // Reasoning aloud about the right area, with the code or evidence in hand, is steady progress (guide B.3).
        if (p.GatedReleased > 0 && (said.Has<NarrowsToComponent>() || said.Find<ClaimsRootCause>() is { ConceptsNamed.Count: > 0 } || OnTopic(p.Scenario, said.Text)))
            p = p with { LastProgressAt = at };
        return p;
    }

    private static bool OnTopic(Scenario s, string text)
    {
        var n = Phrase.Normalise(text);
        return s.RootCause.Concepts.Any(c => Phrase.HasAny(n, c.Terms));
    }

    public static InterviewState Interviewer(InterviewState state, DateTimeOffset at, InterviewerAction action)
    {
        switch (action.Kind)
        {
            case ActionKind.Present:
                var index = state.Slots.FindIndex(s => s.Scenario.Id == action.ScenarioId && s.Stage == Stage.Waiting);
                if (index < 0) return state;
                state = state.WithActive(p => p.Stage == Stage.Done ? p : p with { Stage = Stage.Done, DoneAt = at });
                var opened = state.Slots[index];
                opened = opened with
                {
                    Stage = Stage.Hunting,
                    OpenedAt = at,
                    LastProgressAt = at,
                    Released = opened.Released.Add(opened.Scenario.OpeningMetrics.Kind),
                    CodeShownAt = opened.Slot.Format == InterviewFormat.CodeReview ? at : null,
                };
                return state with { Current = index, Slots = state.Slots.SetItem(index, opened) };
            case ActionKind.WrapUp:
                state = state.WithActive(p => p.Stage == Stage.Done ? p : p with { Stage = Stage.Done, DoneAt = at });
                return state with { WrappedUpAt = at };
            case ActionKind.End:
                return state with { EndedAt = at };
        }
        // An offer stands until the interviewer does anything else.
        state = state.WithActive(p => p with { OfferedEvidence = action.Kind == ActionKind.Clarify ? action.Evidence : null });
        return state.WithActive(p => action.Kind switch
        {
            ActionKind.Release when action.Evidence is { } kind => p with { Released = p.Released.Add(kind), LastProgressAt = at },
            ActionKind.ShowCode => p with { CodeShownAt = at, LastProgressAt = at },
            ActionKind.Hint when action.Tier is { } tier => p with { Hints = p.Hints.Add(new HintGiven(tier, at)), LastInterventionAt = at },
            ActionKind.CheckIn => p with { CheckIns = p.CheckIns.Add(at), LastInterventionAt = at },
            ActionKind.Acknowledge => p with { BugFoundAt = at, Stage = Stage.FollowUps },
            ActionKind.FollowUp => p with
            {
                FollowUpsAsked = p.FollowUpsAsked.Contains(action.FollowUpId ?? "") ? p.FollowUpsAsked : p.FollowUpsAsked.Add(action.FollowUpId ?? ""),
                PendingFollowUps = p.PendingFollowUps.Contains(action.FollowUpId ?? "") ? p.PendingFollowUps : p.PendingFollowUps.Add(action.FollowUpId ?? ""),
                // A question asked again keeps the stage; one past the questions on the mechanism, or after the fix, is the last one.
                Stage = p.Stage == Stage.Hunting || p.FollowUpsAsked.Contains(action.FollowUpId ?? "") ? p.Stage
                    : p.Stage is Stage.FixAndVerify or Stage.Probe || p.FollowUpsAsked.Count >= Policy.Moves.MechanismQuestions ? Stage.Probe
                    : Stage.FollowUps,
            },
            ActionKind.AskFix => p with { Stage = Stage.FixAndVerify, FixAskedAt = p.FixAskedAt ?? at },
            ActionKind.AskVerify => p with { Stage = Stage.FixAndVerify, VerifyAskedAt = p.VerifyAskedAt ?? at },
            ActionKind.Cut => p with { Stage = Stage.Done, CutAt = at, DoneAt = at },
            ActionKind.Redirect or ActionKind.Nudge => p with { LastPrompt = action.Text },
            _ => p,
        });
    }
}
