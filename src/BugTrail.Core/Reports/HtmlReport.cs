using System.Globalization;
using System.Net;
using System.Text;
using BugTrail.Core.Evaluation;
using BugTrail.Core.Policy;
using BugTrail.Core.Replay;
using BugTrail.Core.Sessions;

namespace BugTrail.Core.Reports;

/// <summary>
/// The post-interview evaluation as one self-contained HTML page (no scripts, no external files), with the
/// session drawn as a timeline and the scores as bars. Every piece of text is HTML-encoded.
/// </summary>
public static class HtmlReport
{
    private static string H(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private const string Style = """

            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;max-width:980px;margin:32px auto;padding:0 24px;background:#fff}
            .transcript{list-style:none;padding:0}.transcript li{margin:6px 0;white-space:pre-wrap}.transcript li.me{padding-left:16px;border-left:3px solid #1a7f37}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid #e4e8ef;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px;color:#3b4a63}
            .meta{color:#5a6576;margin-bottom:16px}.pill{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;font-size:13px}
            .strong_hire{background:#d6f5df;color:#14602f}.hire{background:#e1f0ff;color:#174a85}.weak_hire{background:#fff2d6;color:#7a5200}.no_hire{background:#fde0e0;color:#8a1c1c}
            ul.check{list-style:none;padding-left:0}ul.check li{margin:3px 0}.yes{color:#1a7f37;font-weight:700}.no{color:#b42318;font-weight:700}
            .ev{color:#5a6576}.ovr{color:#7a5200;font-style:italic}table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #e4e8ef;padding:5px 8px;text-align:left;vertical-align:top;font-size:14px}
            th{background:#f5f7fa}.flag-major{color:#b42318}.flag-minor{color:#7a5200}.grid{display:grid;grid-template-columns:1fr 1fr;gap:24px}
            svg text{font:11px system-ui,sans-serif}.legend span{margin-right:14px;font-size:12px}.dot{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px;vertical-align:middle}
            @media print{body{margin:0}h2{break-after:avoid}}
            """;

    public static string Write(ReportInput input)
    {
        var e = input.Evaluation;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>Evaluation — {H(input.Candidate)}</title>\n<style>{Style}</style></head><body>\n<h1>Post-interview evaluation</h1>\n");
        html.Append($"<div class=\"meta\">Candidate: <b>{H(input.Candidate)}</b> · Position: {H(Template.Level(e.Level))} · Date: {input.Started.At:yyyy-MM-dd}</div>\n");
        html.Append($"<p><span class=\"pill {EvaluationView.Name(e.Recommendation)}\">{H(Template.Recommendations.Single(r => r.Value == e.Recommendation).Label)}</span>");
        html.Append($" &nbsp;Overall <b>{e.Scores.Overall}</b>/100 · hints needed: <b>{Template.Hints(e.HintsNeeded)}</b>");
        if (e.TimeToSolve is { } total) html.Append($" · time to solve: <b>{N(total.TotalMinutes)} min</b>");
        html.Append("</p>\n");

        html.Append("<div class=\"grid\"><div>").Append(ScoreBars(e)).Append("</div><div><h3>Comparison to bar</h3><p>")
            .Append(H(input.Bar?.Summary ?? "No earlier sessions are stored to compare with.")).Append("</p></div></div>");

        var started = input.Started;
        for (var i = 0; i < e.Scenarios.Count; i++)
        {
            var s = e.Scenarios[i];
            html.Append($"<h2>Scenario {i + 1}: {H(s.Scenario.Title)}</h2>");
            html.Append($"<div class=\"meta\"><code>{H(s.Scenario.Id)}</code> · {H(Template.Format(s.Format))} · {H(s.Scenario.Difficulty.ToString().ToLowerInvariant())} (expected {s.Scenario.ExpectedMinutes.Min}–{s.Scenario.ExpectedMinutes.Max} min) · ");
            if (input.VersionOf(s.Scenario) is { } version) html.Append($"{H(version)} · ");
            html.Append(s.TimeToSolve is { } solved ? $"time to solve <b>{N(solved.TotalMinutes)} min</b>" : $"<b>not solved</b>{(s.Cut ? $" (cut after {N(s.TimeSpent.TotalMinutes)} min)" : "")}");
            html.Append($" · hints needed <b>{Template.Hints(s.HintsNeeded)}</b></div>");
            html.Append(Timeline(input.Log, started.At, s.Scenario.Id));
            foreach (var (heading, _, items) in Template.Sections)
            {
                html.Append($"<h3>{H(heading)}</h3><ul class=\"check\">");
                foreach (var (id, label) in items)
                {
                    var item = s.Checklist.Single(c => c.Id == id);
                    html.Append($"<li><span class=\"{(item.Met ? "yes\">✔" : item.NeedsReview ? "ovr\">?" : "no\">✘")}</span> {H(label)}{(item.NeedsReview ? " <b class=\"ovr\">needs review</b>" : "")} <span class=\"ev\">— {H(item.Evidence)}</span>");
                    if (item.OverrideReason is { } why)
                        html.Append($" <span class=\"ovr\">(interviewer {(item.Met ? "ticked" : "unticked")}; computed {(item.ComputedMet ? "met" : "not met")}: {H(why)})</span>");
                    html.Append("</li>");
                }
                html.Append("</ul>");
            }
            if (s.FollowUps.Count > 0)
            {
                html.Append("<h3>Follow-up answers</h3><table><tr><th>asked</th><th>question</th><th>answer</th><th>key points made</th><th>score</th></tr>");
                foreach (var f in s.FollowUps)
                    html.Append($"<tr><td>{ReplayScript.Format(f.AskedAt)}</td><td>{H(f.Question)}</td><td>“{H(Rubric.Short(f.Answer))}”</td><td>{H(string.Join("; ", f.StrongPointsMade))}</td><td>{f.Score:0.00}</td></tr>");
                html.Append("</table>");
            }
            if (s.RedFlags.Count + s.DismissedRedFlags.Count > 0)
            {
                html.Append("<h3>Red flags</h3><ul>");
                foreach (var f in s.RedFlags)
                    html.Append($"<li class=\"flag-{EvaluationView.Name(f.Severity)}\"><b>{EvaluationView.Name(f.Severity)}</b> {H(f.Label)} ({ReplayScript.Format(f.At)}): {H(f.Evidence)}</li>");
                html.Append("</ul>");
            }
            if (s.DismissedRedFlags.Count > 0)
            {
                html.Append("<ul>");
                foreach (var f in s.DismissedRedFlags)
                    html.Append($"<li class=\"ovr\"><s>{H(f.Label)} ({ReplayScript.Format(f.At)}): {H(f.Evidence)}</s> — dismissed by the interviewer: {H(input.Evaluation.Overrides.OfType<RedFlagOverride>().Last(o => o.FlagId == f.Id).Reason)}</li>");
                html.Append("</ul>");
            }
        }

        html.Append("<h2>Overall recommendation</h2><ul class=\"check\">");
        foreach (var (value, label, meaning) in Template.Recommendations)
            html.Append($"<li><span class=\"{(value == e.Recommendation ? "yes\">☑" : "ev\">☐")}</span> <b>{H(label)}</b> — {H(meaning)}</li>");
        html.Append("</ul>");
        if (e.NeedsReview.Count > 0)
            html.Append($"<p class=\"ovr\">This recommendation depends on {e.NeedsReview.Count} checklist item(s) that need a person's review, left out of the scores until decided: {H(string.Join("; ", e.NeedsReview.Select(i => i.Label)))}.</p>");
        if (e.Recommendation != e.ComputedRecommendation)
            html.Append($"<p class=\"ovr\">Computed: {H(Template.Recommendations.Single(r => r.Value == e.ComputedRecommendation).Label)}; changed by the interviewer: {H(e.Overrides.OfType<RecommendationOverride>().Last().Reason)}</p>");

        html.Append("<h2>Specific feedback</h2><h3>Strengths</h3><ul>");
        foreach (var line in e.Scenarios.SelectMany(s => s.Strengths).DefaultIfEmpty("No clear strength was shown.")) html.Append($"<li>{H(line)}</li>");
        html.Append("</ul><h3>Areas for improvement</h3><ul>");
        foreach (var line in e.Scenarios.SelectMany(s => s.Improvements).DefaultIfEmpty("None noted.")) html.Append($"<li>{H(line)}</li>");
        html.Append("</ul>");
        html.Append("<h2>Transcript</h2><ol class=\"transcript\">");
        foreach (var line in Transcript.Of(input.Log))
            html.Append($"<li class=\"{(line.FromCandidate ? "me" : "them")}\"><span class=\"ev\">{ReplayScript.Format(line.At)} {(line.FromCandidate ? "candidate" : $"interviewer · {H(line.Move)}")}</span> {H(line.Text)}</li>");
        html.Append("</ol>");
        var notes = input.Log.OfType<InterviewerNoted>().ToList();
        if (notes.Count > 0)
        {
            html.Append("<h2>Interviewer's notes</h2><ul>");
            foreach (var n in notes) html.Append($"<li>{ReplayScript.Format(n.At - started.At)} ({H(n.By)}): {H(n.Text)}</li>");
            html.Append("</ul>");
        }
        var integrity = input.Log.OfType<IntegrityObserved>().ToList();
        if (integrity.Count > 0)
        {
            html.Append("<h2>Integrity log</h2><ul>");
            foreach (var i in integrity) html.Append($"<li>{ReplayScript.Format(i.At - started.At)} <b>{H(i.Kind)}</b>: {H(i.Detail)}</li>");
            html.Append("</ul>");
        }
        html.Append("<p class=\"ev\">Drafted by BugTrail from the session log; the interviewer's overrides are shown where they differ from the computed values.</p></body></html>");
        return html.ToString();
    }

    private static string ScoreBars(InterviewEvaluation e)
    {
        var svg = new StringBuilder("<h3>Scores</h3><svg role=\"img\" aria-label=\"Scores by area\" width=\"440\" height=\"150\" viewBox=\"0 0 440 150\">");
        var rows = Template.Sections.Select(s => (s.Heading, Score: e.Scores[s.Area], Weight: AreaScores.Weights[s.Area])).Append(("Overall", e.Scores.Overall, 1.0)).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 8 + i * 27;
            var (label, score, weight) = rows[i];
            var colour = score >= 70 ? "#2f9e58" : score >= 50 ? "#d9a21b" : "#d14343";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 13}\">{H(label)}{(label == "Overall" ? "" : $" ({weight * 100:0}%)")}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"170\" y=\"{y}\" width=\"220\" height=\"17\" fill=\"#eef1f5\" rx=\"3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"170\" y=\"{y}\" width=\"{2.2 * score:0.#}\" height=\"17\" fill=\"{colour}\" rx=\"3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"396\" y=\"{y + 13}\" font-weight=\"600\">{score}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The session on a time axis: what the candidate said, what was released, hints, the bug found, follow-ups.</summary>
    private static string Timeline(IReadOnlyList<SessionEvent> log, DateTimeOffset start, string scenarioId)
    {
        var acted = log.OfType<InterviewerActed>().Where(a => a.Action.ScenarioId == scenarioId).ToList();
        if (acted.Count == 0) return "";
        var from = acted[0].At - start;
        var last = log.Where(e => e.At >= acted[0].At && (e is not InterviewerActed a || a.Action.ScenarioId == scenarioId)).Max(e => e.At) - start;
        var span = Math.Max(1, (last - from).TotalMinutes);
        const double left = 160, width = 770;
        double X(TimeSpan t) => left + width * (t - from).TotalMinutes / span;
        var lanes = new (string Label, string Colour, Func<SessionEvent, bool> Pick)[]
        {
            ("candidate", "#8a94a6", ev => ev is CandidateSaid && ev.At - start >= from && ev.At - start <= last),
            ("evidence / code", "#2f6fdb", ev => ev is InterviewerActed { Action.Kind: ActionKind.Release or ActionKind.ShowCode or ActionKind.Present } a && a.Action.ScenarioId == scenarioId),
            ("hints, check-ins", "#e08a00", ev => ev is InterviewerActed { Action.Kind: ActionKind.Hint or ActionKind.CheckIn or ActionKind.Redirect or ActionKind.Nudge } a && a.Action.ScenarioId == scenarioId),
            ("bug found, follow-ups", "#1a7f37", ev => ev is InterviewerActed { Action.Kind: ActionKind.Acknowledge or ActionKind.FollowUp or ActionKind.AskFix or ActionKind.AskVerify } a && a.Action.ScenarioId == scenarioId),
            ("cut, wrap-up", "#b42318", ev => ev is InterviewerActed { Action.Kind: ActionKind.Cut or ActionKind.WrapUp or ActionKind.End } a && a.Action.ScenarioId == scenarioId),
        };
        var svg = new StringBuilder();
        var height = 30 + lanes.Length * 26 + 24;
        svg.Append(CultureInfo.InvariantCulture, $"<h3>Timeline</h3><svg role=\"img\" aria-label=\"Session timeline\" width=\"100%\" viewBox=\"0 0 950 {height}\">");
        var step = span <= 12 ? 1 : span <= 30 ? 2 : 5;
        for (var m = Math.Ceiling(from.TotalMinutes / step) * step; m <= last.TotalMinutes + 0.001; m += step)
        {
            var x = X(TimeSpan.FromMinutes(m));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"20\" x2=\"{x:0.#}\" y2=\"{height - 22}\" stroke=\"#eef1f5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{height - 8}\" text-anchor=\"middle\" fill=\"#5a6576\">{ReplayScript.Format(TimeSpan.FromMinutes(m))}</text>");
        }
        for (var i = 0; i < lanes.Length; i++)
        {
            var y = 30 + i * 26;
            var (label, colour, pick) = lanes[i];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 4}\" fill=\"#3b4a63\">{H(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{y}\" x2=\"{left + width}\" y2=\"{y}\" stroke=\"#d5dbe5\"/>");
            foreach (var ev in log.Where(pick))
            {
                var x = X(ev.At - start);
                var title = ev switch
                {
                    CandidateSaid c => $"{ReplayScript.Format(ev.At - start)} candidate: {Rubric.Short(c.Text)}",
                    InterviewerActed a => $"{ReplayScript.Format(ev.At - start)} {InterviewerAction.WireName(a.Action.Kind)}{(a.Action.Evidence is { } k && a.Action.Kind == ActionKind.Release ? $" {Scenarios.WireNames.Of(k)}" : "")}{(a.Action.Tier is { } tier ? $" ({Scenarios.WireNames.Of(tier)})" : "")}",
                    _ => "",
                };
                var big = ev is InterviewerActed { Action.Kind: ActionKind.Acknowledge or ActionKind.Hint or ActionKind.Cut or ActionKind.ShowCode };
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y}\" r=\"{(big ? 7 : 4.5)}\" fill=\"{colour}\"><title>{H(title)}</title></circle>");
                if (ev is InterviewerActed { Action: { Kind: ActionKind.Hint, Tier: { } t } })
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y - 10}\" text-anchor=\"middle\" fill=\"{colour}\">{Scenarios.WireNames.Of(t)}</text>");
                if (ev is InterviewerActed { Action.Kind: ActionKind.Acknowledge })
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y - 10}\" text-anchor=\"middle\" fill=\"{colour}\">bug found</text>");
                if (ev is InterviewerActed { Action.Kind: ActionKind.ShowCode })
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y - 10}\" text-anchor=\"middle\" fill=\"{colour}\">code</text>");
            }
        }
        return svg.Append("</svg>").ToString();
    }
}
