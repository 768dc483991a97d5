using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Policy;

/// <summary>The interviewer's moves that take more than one line: the policy table's rules call them.</summary>
internal static class Moves
{
    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>Guide C.1: two or three follow-ups on the mechanism, then fix and verification, then one more if time allows.</summary>
    public const int MechanismQuestions = 2;

    public static bool LooksLikeAQuestion(string text) => text.TrimEnd().EndsWith('?');

    /// <summary>A short yes: "Yes.", "yeah, please", "exactly that".</summary>
    public static bool IsYes(string text)
    {
        var words = Phrase.Normalise(text).Split([' ', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 5 && Yes.Contains(words[0]);
    }

    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal) { "yes", "yeah", "yep", "yup", "exactly", "correct", "right", "indeed", "please", "sure", "y" };

    /// <summary>"Excellent catch", then the first follow-up (with its pair, if the scenario asks two together).</summary>
    public static void Acknowledge(Turn t)
    {
        t.Say(ActionKind.Acknowledge, "Excellent catch.");
        AskMechanism(t, first: true);
    }

    /// <summary>The next follow-up on the mechanism: the scenario's own first, then the category bank's.</summary>
    public static FollowUp? NextMechanism(ScenarioProgress p) =>
        p.Scenario.FollowUps.Where(f => f.Source == FollowUpSource.Scenario)
            .Concat(p.Scenario.FollowUps.Where(f => f.Source == FollowUpSource.CategoryBank))
            .FirstOrDefault(f => !p.FollowUpsAsked.Contains(f.Id) && Askable(p, f));

    public static void AskMechanism(Turn t, bool first)
    {
        var p = t.Progress;
        if (NextMechanism(p) is not { } next) return;
        var partner = p.Scenario.FollowUps.FirstOrDefault(f => f.Id != next.Id && (f.Id == next.AskedWith || f.AskedWith == next.Id)
                                                                && !p.FollowUpsAsked.Contains(f.Id) && Askable(p, f));
        if (partner is not null)
        {
            t.FollowUp(next, $"{(first ? "Two follow-up questions:" : "Two more questions:")}\n1. {next.Question}");
            t.FollowUp(partner, $"2. {partner.Question}");
        }
        else t.FollowUp(next, first ? $"A follow-up question: {next.Question}" : $"Thanks. Next question: {LowerFirst(next.Question)}");
    }

    /// <summary>A follow-up about something only evidence shows is asked once the candidate has seen it.</summary>
    public static bool Askable(ScenarioProgress p, FollowUp f) => f.Requires.All(k => p.Released.Contains(k) || k == p.Scenario.OpeningMetrics.Kind);

    /// <summary>One last question, from the category bank first, if time allows and one is left.</summary>
    public static FollowUp? ProbeQuestion(Turn t)
    {
        var p = t.Progress;
        if (p.Stage == Stage.Probe || t.Now >= t.State.StartedAt + p.Slot.Closes - M(1)) return null;
        return p.Scenario.FollowUps
            .Where(f => !p.FollowUpsAsked.Contains(f.Id) && Askable(p, f))
            .OrderBy(f => f.Source switch { FollowUpSource.CategoryBank => 0, FollowUpSource.Scenario => 1, _ => 2 })
            .FirstOrDefault(f => !IsAboutFixing(f));
    }

    /// <summary>Answers every request in the message: evidence, a fact about the run, a textbook concept, the code.</summary>
    public static void Serve(Turn t)
    {
        var said = t.Message;
        foreach (var request in said.Intents.OfType<RequestsEvidence>()) Evidence(t, request);
        if (said.Find<AsksFact>() is { } fact) t.Clarify(fact.Fact.Answer, aboutThisRun: true);
        if (said.Find<AsksConcept>() is { } concept) t.Clarify(concept.Entry.Answer, aboutThisRun: false);
    }

    public static void Evidence(Turn t, RequestsEvidence request)
    {
        var p = t.Progress;
        var evidence = p.Scenario.EvidenceOf(request.Kind);
        var name = EvidenceName(request.Kind);
        if (evidence is null)
            t.Say(ActionKind.Clarify, $"There's no {name} logged for this run.");
        else if (p.Released.Contains(request.Kind))
            t.Say(ActionKind.Clarify, $"You have the {name} already — it's above.");
        else if (p.MissingPrerequisite(evidence) is { } missing)
            t.Say(ActionKind.Redirect, $"Before breaking it down, what does the overall picture look like? Which {EvidenceName(missing)} would you check first?");
        else
            t.Release(request.Kind, p.GatedReleased == 0 && p.Causes.Count > 0 ? $"Good starting point. {evidence.Title}:" : $"Sure. {evidence.Title}:");
    }

    /// <summary>Guide B.2: the code, or the step still missing before it.</summary>
    public static void Code(Turn t, bool implementation)
    {
        var p = t.Progress;
        if (p.CodeVisible)
            t.Say(ActionKind.Clarify, implementation ? "Take a look at the code — what do you see?" : "The code is above; take your time with it.");
        else if (Interviewer.CodeUnlocked(p))
            t.ShowCode(implementation ? "Good questions. Let me show you the implementation:" : "Sure. Here's the code:");
        else if (p.Causes.Count == 0)
            t.Say(ActionKind.Redirect, "Let's start with hypotheses. What do you think might cause this?");
        else
            t.Say(ActionKind.Redirect, "Where would you look first? What would you check to narrow it down?");
    }

    /// <summary>Finishes the scenario: the next one in the plan, or the wrap-up.</summary>
    public static void Close(Turn t)
    {
        var next = t.State.Slots.Skip(t.State.Current + 1).FirstOrDefault(s => s.Stage == Stage.Waiting);
        // Praise only when earned: after a cut or a give-up the close is neutral.
        var solved = t.Progress.BugFoundAt is not null && t.Progress.CutAt is null && !t.Actions.Any(a => a.Kind == ActionKind.Cut);
        if (next is not null) Present(t, next, solved ? "Great. Let's move on to the next scenario.\n\n" : "Let's move on to the next scenario.\n\n");
        else t.Say(ActionKind.WrapUp, solved ? "Excellent. That's all I have. Do you have any questions for me?" : "Thanks for working through it with me. That's all I have — do you have any questions for me?");
    }

    public static void GiveUp(Turn t)
    {
        if (CanHintNow(t.Progress, t.Now, askedFor: true)) t.Hint();
        else
        {
            t.Say(ActionKind.Cut, "That's fine — let's leave this one here.");
            Close(t);
        }
    }

    /// <summary>No hint once the candidate has named the bug (they are checking it, not stuck), and none too soon after the last.</summary>
    public static bool CanHintNow(ScenarioProgress p, DateTimeOffset now, bool askedFor) =>
        p.NextHintTier is not null && p.RootCauseNamedAt is null && (p.Hints.Count == 0 || now >= p.Hints[^1].At + (askedFor ? M(1) : HintSchedule.Spacing));

    public static void Present(Turn t, ScenarioProgress slot, string lead)
    {
        var s = slot.Scenario;
        var opening = s.Openings[slot.Slot.Format];
        t.Actions.Add(new InterviewerAction(ActionKind.Present, lead + opening)
        {
            ScenarioId = s.Id,
            Evidence = s.OpeningMetrics.Kind,
            ShowsCode = slot.Slot.Format == InterviewFormat.CodeReview,
        });
    }

    public static InterviewerAction End(InterviewState state, string text) =>
        new(ActionKind.End, text) { ScenarioId = state.Active?.Scenario.Id ?? state.Slots[0].Scenario.Id };

    private static bool IsAboutFixing(FollowUp f) =>
        f.Source == FollowUpSource.Standard && Phrase.HasAny(Phrase.Normalise(f.Question), FixingWords);

    private static readonly string[] FixingWords = ["fix", "verify"];

    public static string EvidenceName(EvidenceKind kind) => WireNames.Of(kind).Replace('_', ' ') switch
    {
        "grad norms" => "gradient norms",
        "layer grad norms" => "layer-wise gradient norms",
        "val metrics" => "validation metrics",
        "data stats" => "data statistics",
        "attention stats" => "attention statistics",
        "activation stats" => "activation statistics",
        var other => other,
    };

    public static string LowerFirst(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
