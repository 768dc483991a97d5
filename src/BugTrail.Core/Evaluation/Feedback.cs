using BugTrail.Core.Replay;
using BugTrail.Core.Understanding;

namespace BugTrail.Core.Evaluation;

/// <summary>Strengths and areas for improvement, written from the evidence and quoting the candidate's own words.</summary>
public static class Feedback
{
    private static string T(TimeSpan t) => ReplayScript.Format(t);

    public static IReadOnlyList<string> Strengths(ScenarioTrace t, IReadOnlyList<ChecklistItem> items, IReadOnlyList<FollowUpGrade> grades, HintsNeeded hints)
    {
        var met = items.Where(i => i.Met).ToDictionary(i => i.Id);
        var s = new List<string>();
        if (met.TryGetValue("forms_hypotheses", out var formed) && Quote(t, m => m.Said.Has<StatesHypotheses>()) is { } h)
            s.Add($"Started from hypotheses rather than data dumps: {formed.Evidence} — “{Rubric.Short(h.Text)}” ({T(h.At)}).");
        if (met.TryGetValue("narrows_down", out var narrow) && t.Final.NarrowedAt is not null)
            s.Add($"Narrowed the search systematically: {narrow.Evidence}.");
        if (met.TryGetValue("found_bug", out var found))
            s.Add(met.ContainsKey("reasonable_time") ? $"Found the root cause within the expected time: {found.Evidence}." : $"Found the root cause: {found.Evidence}.");
        var best = grades.Where(g => g.Score >= 0.67).OrderByDescending(g => g.Score).FirstOrDefault();
        if (best is not null)
            s.Add($"Explained the mechanism with substance when asked “{Rubric.Short(best.Question)}”: “{Rubric.Short(best.Answer)}” — covering {string.Join("; ", best.StrongPointsMade)}.");
        if (hints == HintsNeeded.None && t.BugFoundAt is not null) s.Add("Needed no hints.");
        if (met.TryGetValue("thinks_out_loud", out var loud)) s.Add($"Kept thinking out loud: {loud.Evidence}.");
        if (met.TryGetValue("correct_fix", out var fix) && !met.ContainsKey("found_bug")) s.Add($"Proposed the right fix: {fix.Evidence}.");
        return s;
    }

    private static readonly Dictionary<string, string> Advice = new(StringComparer.Ordinal)
    {
        ["forms_hypotheses"] = "State two or three hypotheses before asking for data, so each request tests one of them.",
        ["logical_information_order"] = "Ask for information in an order that narrows the space: global signals first, then the breakdown, then the code.",
        ["narrows_down"] = "Use the evidence to halve the search space (which step, which layer, which component) before reading code.",
        ["no_jumping_to_conclusions"] = "Check a suspicion against evidence before asserting it or asking for the code.",
        ["adapts_when_wrong"] = "When a hypothesis is contradicted, say so and move to the next one instead of staying on it.",
        ["found_bug"] = "The root cause was not identified.",
        ["explains_root_cause"] = "Explain the mechanism step by step, with the numbers involved, not only what the bug is.",
        ["correct_fix"] = "Propose the concrete change to the code, not only a mitigation.",
        ["understands_implications"] = "Connect the bug to its wider effects (dtype, scale, training vs inference).",
        ["reads_code_fluently"] = "Read the code in the order the data flows and check each step against the symptom.",
        ["thinks_out_loud"] = "Keep talking through what you are checking; silence hides good reasoning.",
        ["explains_reasoning"] = "Give the reason behind each step (\"because…\", \"which rules out…\").",
        ["asks_good_questions"] = "Ask targeted clarifying questions and for specific diagnostics.",
        ["organized_thinking"] = "Lay out hypotheses or steps in order so the interviewer can follow.",
        ["reasonable_time"] = "Aim to reach the bug within the expected time for its difficulty.",
        ["no_dead_ends"] = "Avoid requests and claims that don't follow from the evidence so far.",
        ["recovers_quickly"] = "After a wrong turn, re-plan within a couple of minutes.",
    };

    public static IReadOnlyList<string> Improvements(ScenarioTrace t, IReadOnlyList<ChecklistItem> items, IReadOnlyList<RedFlag> flags, IReadOnlyList<FollowUpGrade> grades)
    {
        var s = new List<string>();
        foreach (var flag in flags.Where(f => f.Severity == Severity.Major))
            s.Add($"{flag.Label} ({T(flag.At)}): {flag.Evidence}.");
        // An item waiting for review is no area for improvement until a person decides it.
        foreach (var item in items.Where(i => !i.Met && !i.NeedsReview))
            s.Add($"{Advice[item.Id]} Observed: {item.Evidence}.");
        var weakest = grades.Where(g => g.Score < 0.5).OrderBy(g => g.Score).FirstOrDefault();
        if (weakest is not null && weakest.StrongPointsMissed.Count > 0)
            s.Add($"On “{Rubric.Short(weakest.Question)}” the answer{(weakest.Answer.Length > 0 ? $" (“{Rubric.Short(weakest.Answer)}”)" : "")} missed: {string.Join("; ", weakest.StrongPointsMissed)}.");
        foreach (var flag in flags.Where(f => f.Severity == Severity.Minor))
            s.Add($"{flag.Label} ({T(flag.At)}): {flag.Evidence}.");
        return s;
    }

    private static TracedMessage? Quote(ScenarioTrace t, Func<TracedMessage, bool> which) => t.Messages.FirstOrDefault(which);
}
