using BugTrail.Core.Policy;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Evaluation;

/// <summary>The guide's internal checklist (section D), each item computed from the trace with the moment that proves it.</summary>
public static class Rubric
{
    private static string T(TimeSpan t) => ReplayScript.Format(t);

    /// <summary>Guide D: silent for more than 3 minutes is a red flag.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(3);

    public static IReadOnlyList<ChecklistItem> Check(ScenarioTrace t, IReadOnlyList<FollowUpGrade> grades) =>
    [
        FormsHypotheses(t),
        LogicalOrder(t),
        Narrows(t),
        NoJumpingToConclusions(t),
        Adapts(t),
        FoundBug(t),
        ExplainsRootCause(t, grades),
        CorrectFix(t),
        UnderstandsImplications(t, grades),
        ReadsCode(t),
        ThinksOutLoud(t),
        ExplainsReasoning(t),
        AsksGoodQuestions(t),
        Organised(t),
        ReasonableTime(t),
        NoDeadEnds(t),
        RecoversQuickly(t),
    ];

    private static ChecklistItem Item(string id, RubricArea area, string label, bool met, string evidence, TimeSpan? at) =>
        new(id, area, label, met, evidence, at);

    private static TimeSpan? FirstRequest(ScenarioTrace t) =>
        t.Hunting.FirstOrDefault(m => m.Said.Has<RequestsEvidence>() || m.Said.Has<RequestsCode>() || m.Said.Has<AsksImplementation>())?.At;

    /// <summary>Distinct causes stated before the first request (or before the bug was named, in code review).</summary>
    public static (int Count, TimeSpan? At) HypothesesBeforeDiving(ScenarioTrace t)
    {
        var cutoff = t.Slot.Format == InterviewFormat.ProductionDebugging ? FirstRequest(t) ?? t.BugFoundAt : t.BugFoundAt;
        var causes = new HashSet<string>(StringComparer.Ordinal);
        TimeSpan? at = null;
        foreach (var m in t.Hunting.Where(m => cutoff is null || m.At <= cutoff))
            if (m.Said.Find<StatesHypotheses>() is { } h)
            {
                causes.UnionWith(h.Causes);
                at ??= m.At;
            }
        return (causes.Count, at);
    }

    private static ChecklistItem FormsHypotheses(ScenarioTrace t)
    {
        var (count, at) = HypothesesBeforeDiving(t);
        // Code review (guide B.0, Type 1) is reading code: a candidate who reads the bug straight off it, unhelped, needed no list of guesses.
        if (count < 2 && t.Slot.Format == InterviewFormat.CodeReview && t.BugFoundAt is { } found && t.Final.Hints.Count == 0)
            return Item("forms_hypotheses", RubricArea.DebuggingProcess, "Forms multiple hypotheses before diving in", true,
                $"read the bug straight from the code, without hints, {T(found)}", found);
        var when = t.Slot.Format == InterviewFormat.ProductionDebugging ? "before the first request" : "before naming the bug";
        return Item("forms_hypotheses", RubricArea.DebuggingProcess, "Forms multiple hypotheses before diving in", count >= 2,
            count == 0 ? $"stated no hypothesis {when}" : $"formed {count} hypothes{(count == 1 ? "is" : "es")} {when}, {T(at!.Value)}", at);
    }

    private static IEnumerable<TracedAction> OrderRedirects(ScenarioTrace t) =>
        t.Of(ActionKind.Redirect).Where(r => r.Action.Text.StartsWith("Let's start with hypotheses", StringComparison.Ordinal)
                                            || r.Action.Text.StartsWith("Before breaking it down", StringComparison.Ordinal)
                                            || r.Action.Text.StartsWith("Where would you look first", StringComparison.Ordinal));

    private static ChecklistItem LogicalOrder(ScenarioTrace t)
    {
        var releases = t.Of(ActionKind.Release).ToList();
        var redirect = OrderRedirects(t).FirstOrDefault();
        if (redirect is not null)
            return Item("logical_information_order", RubricArea.DebuggingProcess, "Requests information in logical order", false,
                $"asked for something out of order and was redirected, {T(redirect.At)}", redirect.At);
        if (t.Slot.Format == InterviewFormat.CodeReview)
            return Item("logical_information_order", RubricArea.DebuggingProcess, "Requests information in logical order", true,
                "worked from the code in front of them; no out-of-order request", null);
        if (releases.Count == 0)
            return Item("logical_information_order", RubricArea.DebuggingProcess, "Requests information in logical order", false,
                "requested no diagnostics", null);
        var order = string.Join(", then ", releases.Select(r => $"{WireNames.Of(r.Action.Evidence!.Value)} ({T(r.At)})"));
        return Item("logical_information_order", RubricArea.DebuggingProcess, "Requests information in logical order", true,
            $"requested {order}", releases[0].At);
    }

    private static ChecklistItem Narrows(ScenarioTrace t)
    {
        if (t.Final.NarrowedAt is { } n)
        {
            var at = n - t.Start!.Value;
            var layer = t.Of(ActionKind.Release).FirstOrDefault(r => r.Action.Evidence == EvidenceKind.LayerGradNorms);
            var detail = layer is not null && layer.At <= at ? $"requested the layer-wise breakdown only after global norms ({T(layer.At)}), then " : "";
            return Item("narrows_down", RubricArea.DebuggingProcess, "Uses binary search / narrowing approach", true,
                $"{detail}narrowed to {t.Scenario.Code.Component}, {T(at)}", at);
        }
        if (t.Slot.Format == InterviewFormat.CodeReview && t.BugFoundAt is { } found && !t.Final.Hints.Any(h => h.Tier == HintTier.Strong))
            return Item("narrows_down", RubricArea.DebuggingProcess, "Uses binary search / narrowing approach", true,
                $"found the bug by reading, without a strong hint, {T(found)}", found);
        return Item("narrows_down", RubricArea.DebuggingProcess, "Uses binary search / narrowing approach", false,
            "never narrowed the problem down to a component", null);
    }

    private static ChecklistItem NoJumpingToConclusions(ScenarioTrace t)
    {
        var early = t.Of(ActionKind.Redirect).FirstOrDefault(r => r.Action.Text.StartsWith("Let's start with hypotheses", StringComparison.Ordinal));
        if (early is not null)
            return Item("no_jumping_to_conclusions", RubricArea.DebuggingProcess, "Doesn't jump to conclusions", false,
                $"asked for code before any hypothesis, {T(early.At)}", early.At);
        var hasty = t.Hunting.FirstOrDefault(m => m.Said.Find<ClaimsRootCause>() is { Correct: false } && m.GatedReleased == 0 && !m.CodeVisible);
        if (hasty is not null)
            return Item("no_jumping_to_conclusions", RubricArea.DebuggingProcess, "Doesn't jump to conclusions", false,
                $"asserted a cause before looking at any evidence: \"{Short(hasty.Text)}\", {T(hasty.At)}", hasty.At);
        return Item("no_jumping_to_conclusions", RubricArea.DebuggingProcess, "Doesn't jump to conclusions", true,
            "made no claim or code request ahead of the evidence", null);
    }

    private static IEnumerable<TimeSpan> WrongTurns(ScenarioTrace t) =>
        // A fix read as wrong in the very message that names the real cause is a misreading of one part, not a wrong turn.
        t.Hunting.Where(m => m.Said.Find<ClaimsRootCause>() is { Correct: false }
                             || (m.Said.Find<ProposesFix>() is { Correct: false } && m.Said.Find<ClaimsRootCause>() is not { Correct: true })).Select(m => m.At)
            .Concat(t.Of(ActionKind.Redirect).Select(r => r.At)).Order();

    private static TimeSpan? ProgressAfter(ScenarioTrace t, TimeSpan at) =>
        t.Actions.Where(a => a.At > at && a.Action.Kind is ActionKind.Release or ActionKind.ShowCode or ActionKind.Acknowledge).Select(a => (TimeSpan?)a.At).FirstOrDefault();

    private static ChecklistItem Adapts(ScenarioTrace t)
    {
        var wrong = WrongTurns(t).ToList();
        if (wrong.Count == 0)
            return Item("adapts_when_wrong", RubricArea.DebuggingProcess, "Adapts when hypotheses proven wrong", true, "no wrong path to recover from", null);
        var last = wrong[^1];
        var after = ProgressAfter(t, last);
        return after is { } a
            ? Item("adapts_when_wrong", RubricArea.DebuggingProcess, "Adapts when hypotheses proven wrong", true,
                $"changed course after a wrong turn at {T(last)} and made progress at {T(a)}", a)
            : Item("adapts_when_wrong", RubricArea.DebuggingProcess, "Adapts when hypotheses proven wrong", false,
                $"made no progress after the wrong turn at {T(last)}", last);
    }

    private static ChecklistItem FoundBug(ScenarioTrace t) => t.BugFoundAt is { } at
        ? Item("found_bug", RubricArea.TechnicalKnowledge, "Found the bug correctly (knows the failure mode)", true,
            $"named the root cause: \"{Short(ClaimText(t) ?? "")}\", {T(at)}", at)
        : Item("found_bug", RubricArea.TechnicalKnowledge, "Found the bug correctly (knows the failure mode)", false,
            t.Final.CutAt is not null ? "did not find the bug before the scenario was cut" : "did not find the bug", null);

    private static string? ClaimText(ScenarioTrace t) =>
        t.Messages.LastOrDefault(m => t.BugFoundAt is { } at && m.At <= at && (m.Said.Has<ClaimsRootCause>() || m.Said.Has<ProposesFix>()))?.Text;

    private static ChecklistItem ExplainsRootCause(ScenarioTrace t, IReadOnlyList<FollowUpGrade> grades)
    {
        var own = grades.Where(g => t.Scenario.FollowUps.First(f => f.Id == g.FollowUpId).Source == FollowUpSource.Scenario).ToList();
        if (own.Count == 0)
            return Item("explains_root_cause", RubricArea.TechnicalKnowledge, "Explains the root cause (mechanism)", false, "no scenario follow-up was answered", null)
                with { NeedsReview = t.BugFoundAt is not null && !Asked(t, FollowUpSource.Scenario) };
        var mean = own.Average(g => g.Score);
        var best = own.OrderByDescending(g => g.Score).First();
        var item = Item("explains_root_cause", RubricArea.TechnicalKnowledge, "Explains the root cause (mechanism)", mean >= 0.5,
            $"follow-ups on the mechanism made {own.Sum(g => g.StrongPointsMade.Count)} of {own.Sum(g => g.StrongPointsMade.Count + g.StrongPointsMissed.Count)} key points (\"{Short(best.Question)}\", {T(best.AskedAt)})",
            best.AskedAt);
        return Unsure(item, own);
    }

    private static ChecklistItem CorrectFix(ScenarioTrace t)
    {
        var fix = t.Messages.FirstOrDefault(m => m.Said.Find<ProposesFix>() is { Correct: true });
        return fix is not null
            ? Item("correct_fix", RubricArea.TechnicalKnowledge, "Proposed the correct fix", true, $"\"{Short(fix.Text)}\", {T(fix.At)}", fix.At)
            : Item("correct_fix", RubricArea.TechnicalKnowledge, "Proposed the correct fix", false, "never proposed the fix", null);
    }

    private static ChecklistItem UnderstandsImplications(ScenarioTrace t, IReadOnlyList<FollowUpGrade> grades)
    {
        var wider = grades.Where(g => t.Scenario.FollowUps.First(f => f.Id == g.FollowUpId).Source != FollowUpSource.Scenario).ToList();
        if (wider.Count == 0)
            return Item("understands_implications", RubricArea.TechnicalKnowledge, "Understands implications", false,
                    t.BugFoundAt is not null && !AskedWider(t) ? "no question on the wider implications was asked; judge from the conversation" : "no wider follow-up was answered", null)
                with { NeedsReview = t.BugFoundAt is not null && !AskedWider(t) };
        var g = wider[0];
        var item = Item("understands_implications", RubricArea.TechnicalKnowledge, "Understands implications", g.Score >= 0.5,
            $"\"{Short(g.Question)}\": made {g.StrongPointsMade.Count} of {g.StrongPointsMade.Count + g.StrongPointsMissed.Count} key points, {T(g.AskedAt)}", g.AskedAt);
        return Unsure(item, [g]);
    }

    /// <summary>A question the interview never asked cannot be failed: the item waits for a person.</summary>
    private static bool Asked(ScenarioTrace t, FollowUpSource source) =>
        t.Of(ActionKind.FollowUp).Any(a => t.Scenario.FollowUps.FirstOrDefault(f => f.Id == a.Action.FollowUpId)?.Source == source);

    private static bool AskedWider(ScenarioTrace t) => Asked(t, FollowUpSource.CategoryBank) || Asked(t, FollowUpSource.Standard);

    /// <summary>
    /// An item failed on answers that may make their key points in other words is not failed but left for a person,
    /// with the answer quoted (guide: the interviewer judges; the reader only proposes).
    /// </summary>
    private static ChecklistItem Unsure(ChecklistItem item, IReadOnlyList<FollowUpGrade> grades)
    {
        if (item.Met || grades.FirstOrDefault(g => g.Uncertain.Count > 0 && g.WeakPointsMade.Count == 0 && g.RedFlagPhrases.Count == 0) is not { } unsure) return item;
        return item with
        {
            NeedsReview = true,
            Evidence = $"{item.Evidence}; needs review: the answer may make \"{Short(unsure.Uncertain[0])}\" in other words: \"{Short(unsure.Answer)}\"",
        };
    }

    private static ChecklistItem ReadsCode(ScenarioTrace t)
    {
        if (t.CodeShownAt is not { } shown)
            return Item("reads_code_fluently", RubricArea.TechnicalKnowledge, "Reads code fluently", false, "never reached the code", null);
        var strong = t.Final.Hints.Any(h => h.Tier == HintTier.Strong);
        if (t.BugFoundAt is { } found)
        {
            var took = found - shown;
            var fast = took <= TimeSpan.FromMinutes(t.Scenario.Difficulty == Difficulty.Hard ? 8 : 5) && !strong;
            return Item("reads_code_fluently", RubricArea.TechnicalKnowledge, "Reads code fluently", fast,
                $"found the bug {took.TotalMinutes:0.#} min after the code was in front of them{(strong ? ", after a strong hint" : "")} ({T(found)})", found);
        }
        return Item("reads_code_fluently", RubricArea.TechnicalKnowledge, "Reads code fluently", false,
            $"had the code from {T(shown)} without finding the bug", shown);
    }

    /// <summary>The longest stretch without a word while looking for the bug.</summary>
    public static (TimeSpan Gap, TimeSpan From) LongestSilence(ScenarioTrace t)
    {
        if (t.OpenedAt is not { } open) return (TimeSpan.Zero, TimeSpan.Zero);
        var end = t.BugFoundAt ?? t.EndsAt;
        var marks = t.Hunting.Select(m => m.At).Where(a => a <= end).Prepend(open).Append(end).ToList();
        var best = (Gap: TimeSpan.Zero, From: open);
        for (var i = 1; i < marks.Count; i++)
            if (marks[i] - marks[i - 1] > best.Gap) best = (marks[i] - marks[i - 1], marks[i - 1]);
        return best;
    }

    private static ChecklistItem ThinksOutLoud(ScenarioTrace t)
    {
        var (gap, from) = LongestSilence(t);
        return gap <= Silence
            ? Item("thinks_out_loud", RubricArea.Communication, "Thinks out loud", true,
                $"{t.Hunting.Count()} messages while investigating; never silent for more than {gap.TotalMinutes:0.#} min", null)
            : Item("thinks_out_loud", RubricArea.Communication, "Thinks out loud", false,
                $"silent for {gap.TotalMinutes:0.#} min from {T(from)}", from);
    }

    private static readonly string[] Reasoning =
    [
        "because", "so the", "so it", "so something", "so i", "so we", "since", "which means", "that means", "means", "therefore", "thats why",
        "suggests", "rules out", "ruled out", "consistent with", "points to", "points at", "which is why", "if ", "then", "given", "as a result",
        "otherwise", "implies", "explains",
    ];

    private static ChecklistItem ExplainsReasoning(ScenarioTrace t)
    {
        var substantive = t.Messages.Where(m => m.Text.Length > 25).ToList();
        var reasoned = substantive.Where(m => Phrase.HasAny(Phrase.Normalise(m.Text), Reasoning)).ToList();
        var met = substantive.Count > 0 && reasoned.Count * 3 >= substantive.Count;
        var example = reasoned.FirstOrDefault();
        return Item("explains_reasoning", RubricArea.Communication, "Explains reasoning clearly", met,
            example is null ? "gave no reasons for their steps" : $"{reasoned.Count} of {substantive.Count} messages give reasons, e.g. \"{Short(example.Text)}\" ({T(example.At)})",
            example?.At);
    }

    private static ChecklistItem AsksGoodQuestions(ScenarioTrace t)
    {
        var answered = t.Actions.Where(a => a.Action.Kind == ActionKind.Release
            || (a.Action.Kind == ActionKind.Clarify && t.Messages.Any(m => m.Index == a.Index - 1 && (m.Said.Has<AsksFact>() || m.Said.Has<AsksConcept>())))).ToList();
        var redirects = t.Of(ActionKind.Redirect).Count();
        // In code review the code is the evidence: a candidate who reads it and finds the bug needed nothing more.
        var neededNothing = t.Slot.Format == InterviewFormat.CodeReview && answered.Count == 0 && t.Final.BugFoundAt is not null;
        var met = (answered.Count > 0 || neededNothing) && redirects <= 1;
        return Item("asks_good_questions", RubricArea.Communication, "Asks good clarifying questions", met,
            neededNothing ? "found the bug from the code without needing to ask (code review)" : answered.Count == 0 ? "asked no clarifying question and requested nothing" : $"{answered.Count} question(s) answered with facts or evidence, {redirects} redirected",
            answered.FirstOrDefault()?.At);
    }

    private static ChecklistItem Organised(ScenarioTrace t)
    {
        var structured = t.Messages.FirstOrDefault(m => System.Text.RegularExpressions.Regex.IsMatch(m.Text, @"(^|\s)(\(?[1-9][\.\)]|first(ly)?,|second(ly)?,)\s", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            || (m.Said.Find<StatesHypotheses>() is { Causes.Count: >= 2 }));
        return structured is not null
            ? Item("organized_thinking", RubricArea.Communication, "Organizes thoughts logically", true, $"laid out their thinking in order: \"{Short(structured.Text)}\" ({T(structured.At)})", structured.At)
            : Item("organized_thinking", RubricArea.Communication, "Organizes thoughts logically", false, "never laid out hypotheses or steps in order", null);
    }

    private static ChecklistItem ReasonableTime(ScenarioTrace t)
    {
        var limit = TimeSpan.FromMinutes(t.Scenario.ExpectedMinutes.Max);
        if (t.BugFoundAt is { } found && t.OpenedAt is { } open)
        {
            var took = found - open;
            return Item("reasonable_time", RubricArea.Speed, "Finds bug within reasonable time", took <= limit,
                $"solved in {took.TotalMinutes:0.#} min (expected {t.Scenario.ExpectedMinutes.Min}–{t.Scenario.ExpectedMinutes.Max})", found);
        }
        return Item("reasonable_time", RubricArea.Speed, "Finds bug within reasonable time", false, "did not solve it", null);
    }

    private static ChecklistItem NoDeadEnds(ScenarioTrace t)
    {
        var unavailable = t.Of(ActionKind.Clarify).Count(c => c.Action.Text.StartsWith("There's no ", StringComparison.Ordinal) || c.Action.Text.StartsWith("You have the ", StringComparison.Ordinal));
        var wrong = t.Hunting.Count(m => m.Said.Find<ClaimsRootCause>() is { Correct: false });
        var met = unavailable <= 1 && wrong <= 1;
        return Item("no_dead_ends", RubricArea.Speed, "Doesn't waste time on dead ends", met,
            $"{unavailable} request(s) for data that wasn't there or already shown, {wrong} wrong claim(s)", null);
    }

    private static ChecklistItem RecoversQuickly(ScenarioTrace t)
    {
        var wrong = WrongTurns(t).ToList();
        if (wrong.Count == 0)
            return Item("recovers_quickly", RubricArea.Speed, "Recovers quickly from wrong paths", true, "no wrong path taken", null);
        var slow = wrong.Where(w => ProgressAfter(t, w) is not { } p || p - w > TimeSpan.FromMinutes(3)).Select(w => (TimeSpan?)w).FirstOrDefault();
        return slow is null
            ? Item("recovers_quickly", RubricArea.Speed, "Recovers quickly from wrong paths", true, $"back on track within 3 min of each of {wrong.Count} wrong turn(s)", null)
            : Item("recovers_quickly", RubricArea.Speed, "Recovers quickly from wrong paths", false, $"took more than 3 min to recover from the wrong turn at {T(slow.Value)}", slow);
    }

    internal static string Short(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 110 ? flat : flat[..107].TrimEnd() + "…";
    }
}
