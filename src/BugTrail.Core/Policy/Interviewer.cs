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

    public static IReadOnlyList<InterviewerAction> Respond(InterviewState state, Utterance said, DateTimeOffset now)
    {
        if (state.Ended) return [];
        if (state.WrappedUpAt is not null)
        {
            // The candidate's question at the end gets an answer before the goodbye (never about the scenario's solution).
            if (LooksLikeAQuestion(said.Text))
                return [new InterviewerAction(ActionKind.Clarify, "Good question. I don't want to give you a half answer here, so I'll make sure you get a proper one by email after the interview.") { ScenarioId = state.Slots[^1].Scenario.Id },
                        End(state, "Thanks for your time today — that's the end of the interview.")];
            return [End(state, "Thanks for your time today — that's the end of the interview.")];
        }
        if (state.Active is not { } p) return [];
        var actions = new List<InterviewerAction>();
        var ctx = new Ctx(state, p, now, actions);

        // The candidate's own text is never echoed into an interviewer line (it could pose as the interviewer).
        if (said.Has<UsesUnknownCommand>())
            ctx.Say(ActionKind.Clarify, $"I don't know that command. The commands are:\n{string.Join('\n', Commands.Help)}");

        switch (p.Stage)
        {
            case Stage.Hunting:
                Hunting(ctx, said);
                break;
            case Stage.FollowUps or Stage.FixAndVerify or Stage.Probe:
                FollowingUp(ctx, said);
                break;
        }
        return actions;
    }

    private static void Hunting(Ctx c, Utterance said)
    {
        var p = c.Progress;
        var s = p.Scenario;
        if (said.Has<GivesUp>()) { GiveUp(c); return; }
        if (said.Has<AsksIfFrameworkIsBuggy>())
            c.Say(ActionKind.Clarify, "Assume PyTorch and the hardware are working correctly.");
        if (said.Has<BlamesFramework>())
            c.Say(ActionKind.Redirect, "Let's assume PyTorch and the hardware are correct. What in the training setup itself could produce this?");
        if (said.Has<AsksWholeCodebase>())
            c.Say(ActionKind.Redirect, p.CodeVisible
                ? "Let's focus on the code in front of you."
                : "Let's focus on the relevant part. What would you look at first?");

        // They named the root cause before seeing the code; now, with the code in front of them, they point at it: that is the check.
        if (p.RootCauseNamedAt is not null && p.CodeVisible && !said.Has<StatesHypotheses>() && !LooksLikeAQuestion(said.Text)
            && said.Has<ClaimsRootCause>())
        {
            Acknowledge(c, fixedToo: said.Find<ProposesFix>() is { Correct: true });
            return;
        }

        if (said.Find<ClaimsRootCause>() is { } claim)
        {
            var fixedToo = said.Find<ProposesFix>() is { Correct: true };
            if (claim.Correct && p.CodeVisible) { Acknowledge(c, fixedToo); return; }
            // Guide B.4: before the candidate has checked, a right and a wrong guess get the same neutral question.
            c.Say(ActionKind.Redirect, "How would you verify that?");
        }
        else if (said.Find<ProposesFix>() is { } fix)
        {
            if (fix.Correct && p.CodeVisible && !said.Has<StatesHypotheses>()) { Acknowledge(c, fixedToo: true); return; }
            c.Say(ActionKind.Redirect, "How would you verify that it fixes the problem?");
        }

        var codeRequested = said.Find<RequestsCode>();
        var implementation = said.Has<AsksImplementation>() || (codeRequested is not null && p.ImplementationAskedAt is not null);
        if (codeRequested is not null || implementation)
        {
            if (p.CodeVisible)
                c.Say(ActionKind.Clarify, implementation ? "Take a look at the code — what do you see?" : "The code is above; take your time with it.");
            else if (CodeUnlocked(p))
                c.ShowCode(implementation ? "Good questions. Let me show you the implementation:" : "Sure. Here's the code:");
            else if (p.Causes.Count == 0)
                c.Say(ActionKind.Redirect, "Let's start with hypotheses. What do you think might cause this?");
            else
                c.Say(ActionKind.Redirect, "Where would you look first? What would you check to narrow it down?");
        }

        foreach (var request in said.Intents.OfType<RequestsEvidence>()) Evidence(c, request);
        if (said.Find<AsksFact>() is { } fact) c.Clarify(fact.Fact.Answer, aboutThisRun: true);
        if (said.Find<AsksConcept>() is { } concept) c.Clarify(concept.Entry.Answer, aboutThisRun: false);

        if (said.Has<SaysStuck>() && !c.Actions.Any(a => a.Kind is ActionKind.Release or ActionKind.ShowCode))
        {
            if (CanHintNow(p, c.Now, askedFor: true)) c.Hint();
            else c.Say(ActionKind.CheckIn, "What have you ruled out so far, and what would you check next?");
        }

        // Never silent: a message with substance gets at least a short prompt to keep going.
        if (c.Actions.Count == 0 && !said.IsSmallTalk)
            c.Say(ActionKind.Nudge, said.Has<StatesHypotheses>()
                ? "Good. Which of those would you check first, and what would you look at to tell them apart?"
                : "Go on — what would you look at next?");
    }

    private static bool LooksLikeAQuestion(string text) => text.TrimEnd().EndsWith('?');

    private static void Evidence(Ctx c, RequestsEvidence request)
    {
        var p = c.Progress;
        var evidence = p.Scenario.EvidenceOf(request.Kind);
        var name = EvidenceName(request.Kind);
        if (evidence is null)
            c.Say(ActionKind.Clarify, $"There's no {name} logged for this run.");
        else if (p.Released.Contains(request.Kind))
            c.Say(ActionKind.Clarify, $"You have the {name} already — it's above.");
        else if (p.MissingPrerequisite(evidence) is { } missing)
            c.Say(ActionKind.Redirect, $"Before breaking it down, what does the overall picture look like? Which {EvidenceName(missing)} would you check first?");
        else
            c.Release(request.Kind, p.GatedReleased == 0 && p.Causes.Count > 0 ? $"Good starting point. {evidence.Title}:" : $"Sure. {evidence.Title}:");
    }

    private static void FollowingUp(Ctx c, Utterance said)
    {
        var p = c.Progress;
        // Any message after a question is (part of) the answer; move on to the next step of the guide's sequence.
        switch (p.Stage)
        {
            case Stage.FollowUps when p.PendingFollowUps.Count > 0 && said.Has<AnswersFollowUps>():
                // Wait for every question asked: the one still open is asked again, on its own.
                var open = p.Scenario.FollowUps.First(f => f.Id == p.PendingFollowUps[0]);
                c.FollowUp(open, $"Thanks. And the other question: {LowerFirst(open.Question)}");
                break;
            case Stage.FollowUps:
                var fixCovered = p.FixProposedAt is not null;
                var verifyCovered = p.VerificationAt is not null;
                if (!fixCovered)
                    c.Say(ActionKind.AskFix, verifyCovered ? "How would you fix this?" : "How would you fix this, and how would you verify the fix works?");
                else if (!verifyCovered)
                    c.Say(ActionKind.AskVerify, "How would you verify the fix works?");
                else if (!Probe(c)) Close(c);
                break;
            case Stage.FixAndVerify:
                if (!Probe(c)) Close(c);
                break;
            default:
                Close(c);
                break;
        }
    }

    private static void Acknowledge(Ctx c, bool fixedToo)
    {
        var p = c.Progress;
        c.Say(ActionKind.Acknowledge, "Excellent catch.");
        // Guide C.1: two questions, the scenario's own first; when one is about evidence not shown, the category bank fills in.
        var first = p.Scenario.FollowUps.Where(f => f.Source == FollowUpSource.Scenario && Askable(p, f))
            .Concat(p.Scenario.FollowUps.Where(f => f.Source == FollowUpSource.CategoryBank && Askable(p, f))).Take(2).ToList();
        var lead = first.Count > 1 ? $"{first.Count switch { 2 => "Two", _ => "A few" }} follow-up questions:" : "A follow-up question:";
        for (var i = 0; i < first.Count; i++)
            c.FollowUp(first[i], first.Count > 1 ? $"{(i == 0 ? lead + "\n" : "")}{i + 1}. {first[i].Question}" : $"{lead} {first[i].Question}");
    }

    /// <summary>A follow-up about something only evidence shows is asked once the candidate has seen it.</summary>
    private static bool Askable(ScenarioProgress p, FollowUp f) => f.Requires.All(k => p.Released.Contains(k) || k == p.Scenario.OpeningMetrics.Kind);

    /// <summary>One more question, from the category bank first, if time allows.</summary>
    private static bool Probe(Ctx c)
    {
        var p = c.Progress;
        if (c.Now >= c.State.StartedAt + p.Slot.Closes - M(1)) return false;
        var next = p.Scenario.FollowUps
            .Where(f => !p.FollowUpsAsked.Contains(f.Id) && Askable(p, f))
            .OrderBy(f => f.Source switch { FollowUpSource.CategoryBank => 0, FollowUpSource.Scenario => 1, _ => 2 })
            .FirstOrDefault(f => !IsAboutFixing(f));
        if (next is null || p.Stage == Stage.Probe) return false;
        c.FollowUp(next, $"One last thing: {LowerFirst(next.Question)}");
        return true;
    }

    /// <summary>Finishes the scenario: the next one in the plan, or the wrap-up.</summary>
    private static void Close(Ctx c)
    {
        var next = c.State.Slots.Skip(c.State.Current + 1).FirstOrDefault(s => s.Stage == Stage.Waiting);
        // Praise only when earned: after a cut or a give-up the close is neutral.
        var solved = c.Progress.BugFoundAt is not null;
        if (next is not null) Present(c, next, solved ? "Great. Let's move on to the next scenario.\n\n" : "Let's move on to the next scenario.\n\n");
        else c.Say(ActionKind.WrapUp, solved ? "Excellent. That's all I have. Do you have any questions for me?" : "Thanks for working through it with me. That's all I have — do you have any questions for me?");
    }

    private static void GiveUp(Ctx c)
    {
        if (c.Progress.NextHintTier is not null && CanHintNow(c.Progress, c.Now, askedFor: true)) c.Hint();
        else
        {
            c.Say(ActionKind.Cut, "That's fine — let's leave this one here.");
            Close(c);
        }
    }

    /// <summary>The interviewer decides to move on: cut this scenario, then open the next one in the plan or wrap up.</summary>
    public static IReadOnlyList<InterviewerAction> MoveOn(InterviewState state, DateTimeOffset now)
    {
        if (state.Ended || state.Active is not { } p) return [];
        var actions = new List<InterviewerAction>();
        var c = new Ctx(state, p, now, actions);
        if (p.Stage == Stage.Hunting) c.Say(ActionKind.Cut, "Let's leave this one here and move on.");
        Close(c);
        return actions;
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

    /// <summary>What the interviewer does at <paramref name="now"/> because of time alone.</summary>
    public static IReadOnlyList<InterviewerAction> Tick(InterviewState state, DateTimeOffset now)
    {
        if (state.Ended || NextDue(state) is not { } due || due > now) return [];
        var actions = new List<InterviewerAction>();
        if (state.WrappedUpAt is not null) return [End(state, "We're at time. Thanks for your time today — that's the end of the interview.")];
        if (state.Active is not { } p)
        {
            var first = state.Slots[0];
            var ctx0 = new Ctx(state, first, now, actions);
            Present(ctx0, first, "Hi! Thanks for joining. We'll work through a debugging scenario together: I'll present a problem, and I'd like you to walk me through how you'd find and fix it. Please think out loud.\n\n");
            return actions;
        }
        var c = new Ctx(state, p, now, actions);
        var start = state.StartedAt;
        if (p.Stage != Stage.Hunting)
        {
            if (now >= start + state.Plan.Length) { c.Say(ActionKind.WrapUp, "We're at time. Thank you — that's all I have."); return actions; }
            Close(c);
            return actions;
        }

        if (now >= start + p.Slot.SolveBy || NoProgressCut(p) <= now)
        {
            c.Say(ActionKind.Cut, "We're at time on this one, so let's leave it here.");
            Close(c);
            return actions;
        }
        var lastHeard = Max(state.LastCandidateAt, p.OpenedAt!.Value);
        var lastCheckIn = p.LastInterventionAt;
        if (HintDue(p, lastHeard, lastCheckIn, now)) c.Hint();
        else if ((lastCheckIn is null || lastCheckIn < lastHeard) && now >= lastHeard + HintSchedule.SilenceCheckIn)
            c.Say(ActionKind.CheckIn, "How's it going? Talk me through what you're thinking.");
        else if (p.CheckIns.Count == 0 && now >= FirstCheckIn(p, lastHeard) && (lastCheckIn is null || now >= lastCheckIn + HintSchedule.SilenceCheckIn))
            c.Say(ActionKind.CheckIn, "How's it going?");
        return actions;
    }

    private static bool HintDue(ScenarioProgress p, DateTimeOffset lastHeard, DateTimeOffset? lastCheckIn, DateTimeOffset now)
    {
        if (p.NextHintTier is not { } tier || !CanHintNow(p, now, askedFor: false)) return false;
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
    private static DateTimeOffset FirstCheckIn(ScenarioProgress p, DateTimeOffset lastHeard)
    {
        // Never right after the candidate spoke: the silence is measured from their last message.
        var due = Max(Max(p.OpenedAt!.Value + HintSchedule.CheckInAfter, p.LastProgressAt!.Value + HintSchedule.StuckFor), lastHeard + HintSchedule.SilenceCheckIn);
        return p.LastInterventionAt is { } last ? Max(due, last + HintSchedule.SilenceCheckIn) : due;
    }

    /// <summary>Guide F: past 15 minutes with no progress after the strong hint, move on.</summary>
    private static DateTimeOffset? NoProgressCut(ScenarioProgress p)
    {
        if (p.Hints.Count < 3 || p.OpenedAt is not { } opened) return null;
        return Max(Max(opened + M(15), p.Hints[^1].At + M(3)), p.LastProgressAt!.Value + HintSchedule.CirclingFor);
    }

    /// <summary>No hint once the candidate has named the bug (they are checking it, not stuck), and none too soon after the last.</summary>
    private static bool CanHintNow(ScenarioProgress p, DateTimeOffset now, bool askedFor) =>
        p.NextHintTier is not null && p.RootCauseNamedAt is null && (p.Hints.Count == 0 || now >= p.Hints[^1].At + (askedFor ? M(1) : HintSchedule.Spacing));

    /// <summary>Guide B.2: code once the candidate has hypotheses, has looked at evidence, and has narrowed down or asked about the implementation.</summary>
    /// <remarks>A claim (right or wrong alike, guide B.4) counts as a hypothesis with reasoning behind it.</remarks>
    public static bool CodeUnlocked(ScenarioProgress p) =>
        (p.Causes.Count > 0 || p.ClaimedAt is not null) && (p.GatedReleased > 0 || p.ClaimedAt is not null)
        && (p.NarrowedAt is not null || p.ImplementationAskedAt is not null);

    // ---- helpers -------------------------------------------------------------------------------

    private static void Present(Ctx c, ScenarioProgress slot, string lead)
    {
        var s = slot.Scenario;
        var opening = s.Openings[slot.Slot.Format];
        c.Actions.Add(new InterviewerAction(ActionKind.Present, lead + opening)
        {
            ScenarioId = s.Id,
            Evidence = s.OpeningMetrics.Kind,
            ShowsCode = slot.Slot.Format == InterviewFormat.CodeReview,
        });
    }

    private static InterviewerAction End(InterviewState state, string text) =>
        new(ActionKind.End, text) { ScenarioId = state.Active?.Scenario.Id ?? state.Slots[0].Scenario.Id };

    private static bool IsAboutFixing(FollowUp f) =>
        f.Source == FollowUpSource.Standard && Phrase.HasAny(Phrase.Normalise(f.Question), FixingWords);

    private static readonly string[] FixingWords = ["fix", "verify"];

    private static string EvidenceName(EvidenceKind kind) => WireNames.Of(kind).Replace('_', ' ') switch
    {
        "grad norms" => "gradient norms",
        "layer grad norms" => "layer-wise gradient norms",
        "val metrics" => "validation metrics",
        "data stats" => "data statistics",
        "memory usage" => "memory usage",
        var other => other,
    };

    private static string LowerFirst(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The context of one decision: it collects actions and keeps every free answer behind the leak guard.</summary>
    private sealed record Ctx(InterviewState State, ScenarioProgress Progress, DateTimeOffset Now, List<InterviewerAction> Actions)
    {
        private string Id => Progress.Scenario.Id;

        public void Say(ActionKind kind, string text)
        {
            // Never the same prompt twice in a row: a repeated redirect reads as a loop.
            if (kind is ActionKind.Redirect or ActionKind.Nudge && Progress.LastPrompt == text)
                text = kind == ActionKind.Nudge ? "Take your time — walk me through what you're seeing." : "Let's try it from another angle: what would you check next, and why?";
            Actions.Add(new InterviewerAction(kind, text) { ScenarioId = Id });
        }

        public void Release(EvidenceKind kind, string text) => Actions.Add(new InterviewerAction(ActionKind.Release, text) { ScenarioId = Id, Evidence = kind });

        public void ShowCode(string text) => Actions.Add(new InterviewerAction(ActionKind.ShowCode, text) { ScenarioId = Id, ShowsCode = true });

        public void FollowUp(FollowUp f, string text) => Actions.Add(new InterviewerAction(ActionKind.FollowUp, text) { ScenarioId = Id, FollowUpId = f.Id });

        public void Hint()
        {
            var tier = Progress.NextHintTier!.Value;
            Actions.Add(new InterviewerAction(ActionKind.Hint, Progress.Scenario.Hints[tier]) { ScenarioId = Id, Tier = tier });
        }

        public void Clarify(string answer, bool aboutThisRun)
        {
            var safe = LeakGuard.IsSafe(answer, Progress.Scenario, aboutThisRun);
            Say(ActionKind.Clarify, safe ? answer : "That's something I'd like you to reason through yourself. What's your understanding of it?");
        }
    }
}
