using BugTrail.Core.Policy;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using Spectre.Console;

namespace BugTrail.Cli.Output;

/// <summary>A session's log as a person reads it: who said what, when, with evidence and code drawn in.</summary>
public static class Transcript
{
    public static void Write(IAnsiConsole console, Interview interview, DateTimeOffset origin)
    {
        foreach (var e in interview.Log) WriteEvent(console, interview, e, origin);
    }

    public static void WriteEvent(IAnsiConsole console, Interview interview, SessionEvent e, DateTimeOffset origin)
    {
        var at = ReplayScript.Format(e.At - origin);
        switch (e)
        {
            case CandidateSaid said:
                console.MarkupLineInterpolated($"[grey][[{at}]][/] [bold cyan]Candidate:[/] {said.Text}");
                break;
            case InterviewerActed { Action: var a }:
                WriteAction(console, interview.ScenarioOf(a.ScenarioId), a, at);
                break;
        }
    }

    public static void WriteAction(IAnsiConsole console, Scenario scenario, InterviewerAction a, string at)
    {
        var label = a.Kind switch
        {
            ActionKind.Hint => $"hint, {WireNames.Of(a.Tier ?? HintTier.Gentle)}",
            ActionKind.Release => $"release {WireNames.Of(a.Evidence ?? EvidenceKind.Config)}",
            _ => InterviewerAction.WireName(a.Kind),
        };
        console.MarkupLineInterpolated($"[grey][[{at}]][/] [bold yellow]Interviewer[/] [dim]({label})[/]: {a.Text}");
        if (a.Kind == ActionKind.Present)
        {
            console.Write(ScenarioConsole.EvidenceTable(scenario.OpeningMetrics));
            var env = new Table().Border(TableBorder.Simple).AddColumns("environment", "");
            foreach (var (name, value) in scenario.Environment) env.AddRow(new Text(name), new Text(value));
            console.Write(env);
        }
        if (a.Kind == ActionKind.Release && a.Evidence is { } kind && scenario.EvidenceOf(kind) is { } evidence)
        {
            console.Write(ScenarioConsole.EvidenceTable(evidence));
            if (Charts.For(evidence) is { } chart) console.Write(chart);
        }
        if (a.ShowsCode) console.Write(ScenarioConsole.Code(scenario.Code.FileName, scenario.Code.BuggyLines, []));
    }
}
