using System.ComponentModel;
using BugTrail.Cli.Output;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

/// <summary>Proposes an interview plan by guide sections F and G.</summary>
public sealed class PlanCommand(IAnsiConsole console) : Command<PlanCommand.Settings>
{
    public sealed class Settings : BankSettings
    {
        [CommandOption("--level <LEVEL>")]
        [Description("junior, mid or senior.")]
        public string Level { get; init; } = "mid";

        [CommandOption("--minutes <MINUTES>")]
        [Description("Interview length. Default 45 (the guide's plan); under 40 gives a single scenario.")]
        public int Minutes { get; init; } = 45;

        [CommandOption("--seed <N>")]
        [Description("Make the choice repeatable.")]
        public int? Seed { get; init; }

        [CommandOption("--json")]
        [Description("Print the plan as JSON (a replay file's plan, with the time boxes).")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            Filters.Check<Level>("--level", Level) ?? (Minutes is < 10 or > 180 ? ValidationResult.Error("--minutes must be from 10 to 180") : null)
            ?? ValidationResult.Success();
    }

    public sealed record SlotView(string Scenario, string Title, string Difficulty, string Format, string Opens, string SolveBy, string Closes);

    public sealed record PlanView(string Level, int Minutes, IReadOnlyList<SlotView> Scenarios);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var bank = settings.LoadBank();
        var level = WireNames.TryParse<Level>(settings.Level, out var l) ? l : Core.Scenarios.Level.Mid;
        InterviewPlan plan;
        try { plan = PlanProposer.Propose(bank.Scenarios, level, TimeSpan.FromMinutes(settings.Minutes), settings.Seed is { } s ? new Random(s) : Random.Shared); }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BugTrailApp.Failed;
        }
        var view = new PlanView(WireNames.Of(level), (int)plan.Length.TotalMinutes, plan.Scenarios.Select(p =>
        {
            var sc = bank.Find(p.ScenarioId)!;
            return new SlotView(p.ScenarioId, sc.Title, WireNames.Of(sc.Difficulty), WireNames.Of(p.Format),
                ReplayScript.Format(p.Opens), ReplayScript.Format(p.SolveBy), ReplayScript.Format(p.Closes));
        }).ToList());
        if (settings.Json) { Json.Write(view); return BugTrailApp.Ok; }
        var table = new Table().Border(TableBorder.Rounded).Title($"{(int)plan.Length.TotalMinutes}-minute {WireNames.Of(level)} interview")
            .AddColumns("scenario", "tier", "format", "opens", "hunt until", "follow-ups until");
        foreach (var slot in view.Scenarios)
            table.AddRow(new Markup($"[bold]{Markup.Escape(slot.Scenario)}[/]\n[dim]{Markup.Escape(slot.Title)}[/]"), new Text(slot.Difficulty), new Text(slot.Format),
                new Text(slot.Opens), new Text(slot.SolveBy), new Text(slot.Closes));
        table.Caption($"[dim]wrap-up until {ReplayScript.Format(plan.Length)} · run it: bugtrail practice --plan --level {WireNames.Of(level)}{(settings.Seed is { } seed ? $" --seed {seed}" : "")}[/]");
        console.Write(table);
        return BugTrailApp.Ok;
    }
}
