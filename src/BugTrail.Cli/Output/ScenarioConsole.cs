using System.Text.RegularExpressions;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Views;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BugTrail.Cli.Output;

/// <summary>Renders scenarios for people: tables for data, numbered and highlighted code.</summary>
public static partial class ScenarioConsole
{
    public static Table List(IEnumerable<Scenario> scenarios)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("scenario"))
            .AddColumn(new TableColumn("tier").NoWrap())
            .AddColumn(new TableColumn("min").NoWrap())
            .AddColumn(new TableColumn("level").NoWrap())
            .AddColumn(new TableColumn("formats").NoWrap())
            .AddColumn(new TableColumn("lines").NoWrap().RightAligned());
        foreach (var s in scenarios)
            table.AddRow(
                new Markup($"[bold]{Markup.Escape(s.Id)}[/]\n[dim]{Markup.Escape(s.Title)}[/]"), new Text(WireNames.Of(s.Difficulty)),
                new Text($"{s.ExpectedMinutes.Min}–{s.ExpectedMinutes.Max}"),
                new Text(string.Join(",", s.Levels.Select(WireNames.Of))),
                new Text(string.Join(",", s.Formats.Order().Select(f => f == InterviewFormat.CodeReview ? "review" : "debug"))),
                new Text(s.Code.BuggyLines.Count.ToString()));
        table.Caption("[dim]formats: review = code review, debug = production debugging · --json for every field[/]");
        return table;
    }

    public static IRenderable Candidate(CandidateOpening o) => new Rows(CandidateParts(o));

    public static IRenderable Interviewer(Scenario s) => new Rows(InterviewerParts(s));

    private static IEnumerable<IRenderable> CandidateParts(CandidateOpening o)
    {
        yield return new Rule($"[bold]{Markup.Escape(o.Title)}[/]").LeftJustified();
        yield return new Panel(new Text(o.Opening)).Header("Interviewer").Border(BoxBorder.Rounded);
        yield return new Markup($"[bold]Symptom:[/] {Markup.Escape(o.Symptom.Summary)}\n[dim]{Markup.Escape(o.Symptom.Measurement)}[/]");
        yield return Environment(o.Environment);
        yield return new Markup($"[bold]Timeline:[/] {Markup.Escape(o.Timeline)}");
        yield return EvidenceTable(o.Metrics);
        if (o.Code is not null) yield return Code(o.Code.FileName, o.Code.Text.Split('\n'), []);
    }

    private static IEnumerable<IRenderable> InterviewerParts(Scenario s)
    {
        yield return new Rule($"[bold]{Markup.Escape(s.Id)}[/] — {Markup.Escape(s.Title)}").LeftJustified();
        yield return new Markup(
            $"[bold]{WireNames.Of(s.Difficulty)}[/], {s.ExpectedMinutes.Min}–{s.ExpectedMinutes.Max} min · {WireNames.Of(s.Category)} · " +
            $"levels: {string.Join(", ", s.Levels.Select(WireNames.Of))} · formats: {string.Join(", ", s.Formats.Select(WireNames.Of))}");
        yield return new Markup($"[bold]Symptom:[/] {Markup.Escape(s.Symptom.Summary)}\n[dim]{Markup.Escape(s.Symptom.Measurement)}[/]");
        yield return Environment(s.Environment);
        yield return new Markup($"[bold]Timeline:[/] {Markup.Escape(s.Timeline)}");
        foreach (var (format, text) in s.Openings)
            yield return new Panel(new Text(text)).Header($"Opening ({WireNames.Of(format)})").Border(BoxBorder.Rounded);
        yield return EvidenceTable(s.OpeningMetrics);
        yield return Code(s.Code.FileName, s.Code.BuggyLines, s.Code.Bug.Lines);
        yield return new Markup($"[bold]Component:[/] {Markup.Escape(s.Code.Component)} [dim](narrowing terms: {Markup.Escape(string.Join(", ", s.Code.NarrowingTerms))})[/]");
        yield return new Rule("Evidence (released on request)").LeftJustified();
        foreach (var e in s.Evidence) yield return EvidenceTable(e);
        if (s.Facts.Count > 0)
        {
            var facts = new Table().Border(TableBorder.Simple).AddColumns("clarifying question", "answer");
            foreach (var f in s.Facts) facts.AddRow(new Text(f.Question), new Text(f.Answer));
            yield return facts;
        }
        var hints = new Table().Border(TableBorder.Simple).AddColumns("hint", "text");
        foreach (var tier in Enum.GetValues<HintTier>()) hints.AddRow(new Text(WireNames.Of(tier)), new Text(s.Hints[tier]));
        yield return hints;
        yield return new Panel(new Text($"{s.RootCause.Summary}\n\nFix: {s.Fix.Summary}")).Header("Root cause").BorderColor(Color.Red);
        yield return Diff(s.Code.Bug);
        var follow = new Table().Border(TableBorder.Simple).AddColumns("follow-up", "strong answer makes", "weak answer");
        foreach (var f in s.FollowUps)
            follow.AddRow(
                new Text($"{f.Question}\n({WireNames.Of(f.Source)})"),
                new Text(string.Join("\n", f.StrongPoints.Select(p => "• " + p.Name))),
                new Text(string.Join("\n", f.WeakPoints.Select(p => "• " + p.Name))));
        yield return follow;
        yield return new Panel(new Text(s.Explanation)).Header("Explanation");
        yield return new Markup($"[bold]Key learning:[/] {Markup.Escape(s.KeyLearning)}");
    }

    public static Table EvidenceTable(Evidence e)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(e.Title)}[/] [dim]({WireNames.Of(e.Kind)})[/]");
        foreach (var column in e.Columns) table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        foreach (var row in e.Rows)
            table.AddRow(row.Select(c => (IRenderable)new Markup(CellMarkup(c))).ToArray());
        if (e.Note is not null) table.Caption($"[dim]{Markup.Escape(e.Note)}[/]");
        return table;
    }

    public static IRenderable Code(string fileName, IReadOnlyList<string> lines, IReadOnlyList<int> marked)
    {
        var width = lines.Count.ToString().Length;
        var body = string.Join('\n', lines.Select((line, i) =>
        {
            var number = (i + 1).ToString().PadLeft(width);
            var mark = marked.Contains(i + 1) ? "[red]►[/]" : " ";
            return $"[grey]{number}[/]{mark} {Highlight(line)}";
        }));
        return new Panel(new Markup(body)).Header(Markup.Escape(fileName)).Border(BoxBorder.Rounded);
    }

    private static IRenderable Environment(IReadOnlyList<KeyValuePair<string, string>> env)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (name, value) in env) grid.AddRow(new Markup($"[bold]{Markup.Escape(name)}[/]"), new Text(value));
        return grid;
    }

    private static IRenderable Diff(BugLocation bug)
    {
        var lines = bug.Hunks.SelectMany(h =>
            h.Removed.Select(l => $"[red]- {Markup.Escape(l)}[/]").Concat(h.Added.Select(l => $"[green]+ {Markup.Escape(l)}[/]"))
                .Prepend($"[grey]@@ buggy.py line {h.BuggyStart}[/]"));
        return new Panel(new Markup(string.Join('\n', lines))).Header("The fix (diff)");
    }

    private static string CellMarkup(Cell c) => c.Number is double n && !double.IsFinite(n)
        ? $"[red]{c}[/]"
        : Markup.Escape(c.ToString());

    /// <summary>A light Python highlighter: comments, strings and keywords.</summary>
    private static string Highlight(string line)
    {
        var comment = line.IndexOf('#');
        var (code, rest) = comment >= 0 && !InString(line, comment) ? (line[..comment], line[comment..]) : (line, "");
        var escaped = Markup.Escape(code);
        escaped = StringLiteral().Replace(escaped, m => $"[yellow]{m.Value}[/]");
        escaped = Keyword().Replace(escaped, m => $"[blue]{m.Value}[/]");
        return escaped + (rest.Length > 0 ? $"[dim green]{Markup.Escape(rest)}[/]" : "");
    }

    private static bool InString(string line, int index) => line[..index].Count(c => c is '"' or '\'') % 2 == 1;

    [GeneratedRegex(@"""[^""]*""|'[^']*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(def|class|return|for|in|if|else|elif|import|from|as|with|not|and|or|is|None|True|False|self|while|break|continue|assert|lambda|yield|try|except|raise)\b")]
    private static partial Regex Keyword();
}
