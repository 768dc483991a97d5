using System.Text;
using BugTrail.Core.Evaluation;
using BugTrail.Core.Replay;

namespace BugTrail.Core.Reports;

/// <summary>The post-interview evaluation in the guide's template (section I), as Markdown.</summary>
public static class MarkdownReport
{
    public static string Write(ReportInput input)
    {
        var e = input.Evaluation;
        var md = new StringBuilder();
        md.AppendLine("# Post-interview evaluation").AppendLine();
        md.AppendLine($"Candidate: {Escape(input.Candidate)}  ");
        md.AppendLine($"Position: {Template.Level(e.Level)}  ");
        md.AppendLine($"Date: {input.Started.At:yyyy-MM-dd}").AppendLine();

        for (var i = 0; i < e.Scenarios.Count; i++)
        {
            var s = e.Scenarios[i];
            md.AppendLine($"## Scenario {i + 1}: {s.Scenario.Title}").AppendLine();
            md.AppendLine($"`{s.Scenario.Id}` · {Template.Format(s.Format)} · {s.Scenario.Difficulty.ToString().ToLowerInvariant()} (expected {s.Scenario.ExpectedMinutes.Min}–{s.Scenario.ExpectedMinutes.Max} min){(input.VersionOf(s.Scenario) is { } v ? $" · {v}" : "")}").AppendLine();
            md.AppendLine($"Time to solve: {(s.TimeToSolve is { } t ? Template.Minutes(t) : s.Cut ? $"not solved (cut after {Template.Minutes(s.TimeSpent)})" : "not solved")}  ");
            md.AppendLine($"Hints needed: {Template.Hints(s.HintsNeeded)}{(s.Hints.Count > 0 ? $" ({string.Join(", ", s.Hints.Select(h => h.Tier.ToString().ToLowerInvariant()))})" : "")}").AppendLine();
            foreach (var (heading, _, items) in Template.Sections)
            {
                md.AppendLine($"### {heading}").AppendLine();
                foreach (var (id, label) in items)
                {
                    var item = s.Checklist.Single(c => c.Id == id);
                    var changed = item.OverrideReason is { } why ? $" *(interviewer: {(item.Met ? "ticked" : "unticked")}, computed {(item.ComputedMet ? "met" : "not met")}: {Escape(why)})*" : "";
                    md.AppendLine($"- [{(item.Met ? "x" : item.NeedsReview ? "?" : " ")}] {label}{(item.NeedsReview ? " **(needs review)**" : "")} — {Escape(item.Evidence)}{changed}");
                }
                md.AppendLine();
            }
            if (s.FollowUps.Count > 0)
            {
                md.AppendLine("### Follow-up answers").AppendLine();
                md.AppendLine("| asked | question | key points made | missed | score |");
                md.AppendLine("| --- | --- | --- | --- | --- |");
                foreach (var f in s.FollowUps)
                    md.AppendLine($"| {ReplayScript.Format(f.AskedAt)} | {Cell(f.Question)} | {Cell(string.Join("; ", f.StrongPointsMade))} | {Cell(string.Join("; ", f.StrongPointsMissed))} | {f.Score:0.00} |");
                md.AppendLine();
            }
            if (s.RedFlags.Count + s.DismissedRedFlags.Count > 0)
            {
                md.AppendLine("### Red flags").AppendLine();
                foreach (var f in s.RedFlags) md.AppendLine($"- **{f.Severity.ToString().ToLowerInvariant()}** {f.Label} ({ReplayScript.Format(f.At)}): {Escape(f.Evidence)}");
                md.AppendLine();
            }
            foreach (var f in s.DismissedRedFlags)
                md.AppendLine($"- ~~{f.Label} ({ReplayScript.Format(f.At)}): {Escape(f.Evidence)}~~ — dismissed by the interviewer: {Escape(input.Evaluation.Overrides.OfType<RedFlagOverride>().Last(o => o.FlagId == f.Id).Reason)}");
            if (s.DismissedRedFlags.Count > 0) md.AppendLine();
        }

        md.AppendLine("## Overall recommendation").AppendLine();
        foreach (var (value, label, meaning) in Template.Recommendations)
            md.AppendLine($"- [{(value == e.Recommendation ? "x" : " ")}] {label} - {meaning}");
        md.AppendLine();
        if (e.NeedsReview.Count > 0)
            md.AppendLine($"This recommendation depends on {e.NeedsReview.Count} checklist item(s) that need a person's review, left out of the scores until decided: {string.Join("; ", e.NeedsReview.Select(i => Escape(i.Label)))}.").AppendLine();
        if (e.Recommendation != e.ComputedRecommendation)
            md.AppendLine($"Computed recommendation: {Template.Recommendations.Single(r => r.Value == e.ComputedRecommendation).Label}; changed by the interviewer: {Escape(e.Overrides.OfType<RecommendationOverride>().Last().Reason)}.").AppendLine();
        md.AppendLine("| area | weight | score | computed |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var (heading, area, _) in Template.Sections)
            md.AppendLine($"| {heading} | {AreaScores.Weights[area] * 100:0}% | {e.Scores[area]} | {e.ComputedScores[area]} |");
        md.AppendLine($"| **Overall** | | **{e.Scores.Overall}** | {e.ComputedScores.Overall} |").AppendLine();

        md.AppendLine("## Specific feedback").AppendLine();
        md.AppendLine("Strengths:");
        foreach (var line in e.Scenarios.SelectMany(s => s.Strengths).DefaultIfEmpty("No clear strength was shown.")) md.AppendLine($"- {Escape(line)}");
        md.AppendLine().AppendLine("Areas for Improvement:");
        foreach (var line in e.Scenarios.SelectMany(s => s.Improvements).DefaultIfEmpty("None noted.")) md.AppendLine($"- {Escape(line)}");
        md.AppendLine().AppendLine("## Transcript").AppendLine();
        foreach (var line in Transcript.Of(input.Log))
            md.AppendLine($"- {ReplayScript.Format(line.At)} **{(line.FromCandidate ? "candidate" : $"interviewer ({line.Move})")}**: {Escape(line.Text)}");
        var notes = input.Log.OfType<BugTrail.Core.Sessions.InterviewerNoted>().ToList();
        if (notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Interviewer's notes").AppendLine();
            foreach (var n in notes) md.AppendLine($"- {ReplayScript.Format(n.At - input.Started.At)} ({Escape(n.By)}): {Escape(n.Text)}");
        }
        var integrity = input.Log.OfType<BugTrail.Core.Sessions.IntegrityObserved>().ToList();
        if (integrity.Count > 0)
        {
            md.AppendLine().AppendLine("## Integrity log").AppendLine();
            foreach (var i in integrity) md.AppendLine($"- {ReplayScript.Format(i.At - input.Started.At)} {i.Kind}: {Escape(i.Detail)}");
        }
        md.AppendLine().AppendLine("## Comparison to bar").AppendLine();
        md.AppendLine(input.Bar?.Summary ?? "No earlier sessions are stored to compare with.");
        return md.ToString();
    }

    /// <summary>
    /// Typed text (the candidate's, a name, an override reason) is quoted, never interpreted: no Markdown or HTML of theirs
    /// survives, and no control character (a terminal escape sequence would act on whoever prints the report).
    /// </summary>
    private static string Escape(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text) plain.Append(c is '\r' or '\n' or '\t' ? ' ' : char.IsControl(c) ? '\uFFFD' : c);
        return plain.Replace("\\", "\\\\").Replace("<", "&lt;").Replace(">", "&gt;").Replace("*", "\\*").Replace("_", "\\_")
            .Replace("`", "\\`").Replace("[", "\\[").Replace("]", "\\]").Replace("#", "\\#").ToString();
    }

    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal);
}
