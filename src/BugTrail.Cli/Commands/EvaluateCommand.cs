using BugTrail.Meaning;
using System.ComponentModel;
using BugTrail.Core.Evaluation;
using BugTrail.Storage.Sessions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

/// <summary>Shows a session's evaluation, and records an interviewer's overrides (each with a reason) in its log.</summary>
public sealed class EvaluateCommand(IAnsiConsole console) : AsyncCommand<EvaluateCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<SESSION>")]
        [Description("A session: its id in the store (or the id's first 8 characters), or a session file.")]
        public string Session { get; init; } = "";

        [CommandOption("--tick <ITEM>")]
        [Description("Mark a checklist item as met (repeatable).")]
        public string[] Tick { get; init; } = [];

        [CommandOption("--untick <ITEM>")]
        [Description("Mark a checklist item as not met (repeatable).")]
        public string[] Untick { get; init; } = [];

        [CommandOption("--score <AREA=N>")]
        [Description("Set an area's score, e.g. communication=70 (repeatable).")]
        public string[] Score { get; init; } = [];

        [CommandOption("--recommend <RECOMMENDATION>")]
        [Description("strong_hire, hire, weak_hire or no_hire.")]
        public string? Recommend { get; init; }

        [CommandOption("--dismiss <FLAG>")]
        [Description("Dismiss a red flag judged false, e.g. blames_external (repeatable).")]
        public string[] Dismiss { get; init; } = [];

        [CommandOption("--reason <TEXT>")]
        [Description("Why: required with any override.")]
        public string? Reason { get; init; }

        [CommandOption("--by <NAME>")]
        [Description("Who is overriding. Default: the user name.")]
        public string? By { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var bank = settings.LoadBank();
        var store = settings.Store();
        if (await StoredSessions.LoadAsync(store, settings.Session) is not { } loaded) return BugTrailApp.Failed;
        if (StoredSessions.MissingScenario(loaded.Log, bank) is { } missing)
        {
            Console.Error.WriteLine($"error: the session uses scenario '{missing}', which is not in the loaded banks");
            return BugTrailApp.Failed;
        }
        var wanted = settings.Tick.Select(i => ("checklist", i, "met")).Concat(settings.Untick.Select(i => ("checklist", i, "not_met")))
            .Concat(settings.Score.Select(s => s.Split('=', 2) is [var area, var value] ? ("score", area, value) : ("score", s, "")))
            .Concat(settings.Recommend is { } r ? [("recommendation", "recommendation", r)] : Array.Empty<(string, string, string)>())
            .Concat(settings.Dismiss.Select(f => ("red_flag", f, "dismissed"))).ToList();

        var log = loaded.Log.ToList();
        if (wanted.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(settings.Reason))
            {
                Console.Error.WriteLine("error: an override needs --reason");
                return BugTrailApp.UsageError;
            }
            var evaluated = Evaluator.Evaluate(log, id => bank.Find(id)!, EmbeddedReader.Shared);
            var known = evaluated.Checklist.Select(c => c.Id).ToHashSet();
            var raised = evaluated.RedFlags.Select(f => f.Id).ToHashSet();
            var now = TimeProvider.System.GetUtcNow();
            foreach (var (kind, target, value) in wanted)
            {
                if (kind == "checklist" && !known.Contains(target))
                {
                    Console.Error.WriteLine($"error: no checklist item '{target}' (one of: {string.Join(", ", known)})");
                    return BugTrailApp.UsageError;
                }
                if (kind == "red_flag" && !raised.Contains(target))
                {
                    Console.Error.WriteLine($"error: no red flag '{target}' was raised{(raised.Count > 0 ? $" (raised: {string.Join(", ", raised)})" : "")}");
                    return BugTrailApp.UsageError;
                }
                try { log.Add(new BugTrail.Core.Sessions.EvaluationOverridden(now, SessionCodec.DecodeOverride(kind, target, value, settings.Reason), settings.By ?? Environment.UserName)); }
                catch (FormatException bad)
                {
                    Console.Error.WriteLine($"error: {bad.Message}");
                    return BugTrailApp.UsageError;
                }
            }
            // The web app may be appending to the same session: the overrides go after whatever it added.
            log = [.. await store.AppendAsync(loaded, log.Skip(loaded.Log.Count).ToList())];
        }

        var e = Evaluator.Evaluate(log, id => bank.Find(id)!, EmbeddedReader.Shared);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "computed", "final");
        table.AddRow("debugging process (40%)", e.ComputedScores.DebuggingProcess.ToString(), e.Scores.DebuggingProcess.ToString());
        table.AddRow("technical knowledge (30%)", e.ComputedScores.TechnicalKnowledge.ToString(), e.Scores.TechnicalKnowledge.ToString());
        table.AddRow("communication (20%)", e.ComputedScores.Communication.ToString(), e.Scores.Communication.ToString());
        table.AddRow("speed (10%)", e.ComputedScores.Speed.ToString(), e.Scores.Speed.ToString());
        table.AddRow("[bold]overall[/]", e.ComputedScores.Overall.ToString(), $"[bold]{e.Scores.Overall}[/]");
        table.AddRow("recommendation", EvaluationView.Name(e.ComputedRecommendation), $"[bold]{EvaluationView.Name(e.Recommendation)}[/]");
        console.Write(table);
        foreach (var item in e.Checklist)
            console.MarkupLineInterpolated($"{(item.Met ? "[green]✔[/]" : item.NeedsReview ? "[yellow]? needs review[/]" : "[red]✘[/]")} {item.Id} [dim]{item.Evidence}[/]{(item.OverrideReason is { } why ? $" (overridden: {why})" : "")}");
        return BugTrailApp.Ok;
    }
}
