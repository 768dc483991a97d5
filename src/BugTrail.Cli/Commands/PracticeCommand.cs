using BugTrail.Meaning;
using System.ComponentModel;
using System.Threading.Channels;
using BugTrail.Cli.Output;
using BugTrail.Core.Evaluation;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;
using BugTrail.Storage.Sessions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

/// <summary>A real interview in the terminal against the automated interviewer, on the real clock.</summary>
public sealed class PracticeCommand(IAnsiConsole console) : AsyncCommand<PracticeCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--plan")]
        [Description("A whole interview by guide F: 45 minutes, one easy-medium and one medium-hard scenario, or one hard.")]
        public bool Plan { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Make the choice of scenarios (and formats) repeatable.")]
        public int? Seed { get; init; }

        [CommandOption("--candidate <NAME>")]
        [Description("The candidate's name, for the report.")]
        public string? Candidate { get; init; }

        [CommandOption("--scenario <ID>")]
        [Description("The scenario to practise. Default: one suited to --level, chosen at random.")]
        public string? Scenario { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("code-review or production-debugging. Default: the guide's mix (60% code review).")]
        public string? Format { get; init; }

        [CommandOption("--level <LEVEL>")]
        [Description("junior, mid or senior. Default: the chosen scenario's level (its first, if it lists several), else mid.")]
        public string? Level { get; init; }

        [CommandOption("--minutes <MINUTES>")]
        [Description("Length of the interview. Default: the guide's limit for the scenario's difficulty plus follow-ups.")]
        public int? Minutes { get; init; }

        [CommandOption("--session <FILE>")]
        [Description("Also keep the session log in this file (written after every event); the store keeps it anyway.")]
        public string? Session { get; init; }

        [CommandOption("--resume <SESSION>")]
        [Description("Continue a saved session.")]
        public string? Resume { get; init; }

        public override ValidationResult Validate() =>
            Filters.Check<Level>("--level", Level) ?? Filters.Check<InterviewFormat>("--format", Format)
            ?? (Minutes is < 5 or > 180 ? ValidationResult.Error("--minutes must be from 5 to 180") : null)
            ?? ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var bank = settings.LoadBank();
        var clock = TimeProvider.System;
        Interview interview;
        var store = settings.Store();
        SessionKeeper keeper;
        if (settings.Resume is { } resume)
        {
            if (await StoredSessions.LoadAsync(store, resume) is not { } stored) return BugTrailApp.Failed;
            if (StoredSessions.MissingScenario(stored.Log, bank) is { } missing)
            {
                Console.Error.WriteLine($"error: the session uses scenario '{missing}', which is not in the loaded banks");
                return BugTrailApp.Failed;
            }
            interview = Interview.Resume(stored.Log, id => bank.Find(id)!, EmbeddedReader.Shared);
            keeper = new SessionKeeper(store, stored, settings.Session);
            Transcript.Write(console, interview, interview.State.StartedAt);
            console.MarkupLine("[dim]— resumed —[/]");
        }
        else
        {
            var level = WireNames.TryParse<Level>(settings.Level ?? "mid", out var l) ? l : Level.Mid;
            var random = settings.Seed is { } seed ? new Random(seed) : Random.Shared;
            InterviewPlan plan;
            if (settings.Plan)
            {
                try { plan = PlanProposer.Propose(bank.Scenarios, level, TimeSpan.FromMinutes(settings.Minutes ?? 45), random); }
                catch (InvalidOperationException e) { Console.Error.WriteLine($"error: {e.Message}"); return BugTrailApp.Failed; }
            }
            else
            {
                var chosen = Choose(bank, settings, random);
                if (chosen is null) return BugTrailApp.Failed;
                var (scenario, format) = chosen.Value;
                // A practice run takes the scenario's level unless one is chosen: a junior scenario is judged against the junior bar.
                if (settings.Level is null && !scenario.Levels.Contains(level)) level = scenario.Levels[0];
                plan = InterviewPlan.Single(scenario, format, level, settings.Minutes is { } m ? TimeSpan.FromMinutes(m) : null);
            }
            console.Write(new Rule($"[bold]BugTrail practice[/] · {Markup.Escape(string.Join(" then ", plan.Scenarios.Select(p => bank.Find(p.ScenarioId)!.Title)))}").LeftJustified());
            console.MarkupLineInterpolated($"[dim]{string.Join(", ", plan.Scenarios.Select(p => WireNames.Of(p.Format)))} · {WireNames.Of(level)} · {(int)plan.Length.TotalMinutes} minutes · type freely; /help lists commands; /time shows the clock; /quit saves and stops[/]");
            interview = Interview.Start(plan, clock.GetUtcNow(), id => bank.Find(id)!, EmbeddedReader.Shared, settings.Candidate);
            var (id, _) = await (await store.DatabaseAsync()).CreateAsync(InterviewKind.Practice, settings.Candidate ?? "", null, interview.Log,
                plan.Scenarios.ToDictionary(p => p.ScenarioId, p => bank.Find(p.ScenarioId)!.ContentHash), cancellationToken);
            keeper = new SessionKeeper(store, new StoredSession(id, null, interview.Log.ToList()), settings.Session);
            foreach (var e in interview.Log) Transcript.WriteEvent(console, interview, e, interview.State.StartedAt);
        }
        await keeper.SaveAsync(interview.Log);
        await Converse(interview, clock, keeper, cancellationToken);
        await keeper.SaveAsync(interview.Log);
        Summary(interview);
        console.MarkupLineInterpolated($"[dim]Session saved as {keeper.Name}. Resume: bugtrail practice --resume {keeper.Name} · full report: bugtrail report {keeper.Name}[/]");
        return BugTrailApp.Ok;
    }

    private async Task Converse(Interview interview, TimeProvider clock, SessionKeeper keeper, CancellationToken cancellationToken)
    {
        var lines = Channel.CreateUnbounded<string?>();
        _ = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line) await lines.Writer.WriteAsync(line, cancellationToken);
            lines.Writer.TryComplete();
        }, cancellationToken);

        while (!interview.State.Ended && !cancellationToken.IsCancellationRequested)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            tick.CancelAfter(TimeSpan.FromSeconds(1));
            string? line = null;
            var closed = false;
            try
            {
                if (await lines.Reader.WaitToReadAsync(tick.Token)) lines.Reader.TryRead(out line);
                else closed = true;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }

            var now = clock.GetUtcNow();
            var before = interview.Log.Count;
            if (closed || line?.Trim() == "/quit") return;
            if (line is not null && !string.IsNullOrWhiteSpace(line))
            {
                var trimmed = line.Trim();
                if (trimmed == "/time") { Time(interview, now); continue; }
                if (trimmed == "/help") { foreach (var h in BugTrail.Core.Understanding.Commands.Help) console.WriteLine(h); continue; }
                interview.Say(trimmed.Length > MaxMessage ? trimmed[..MaxMessage] : trimmed, now);
            }
            else interview.AdvanceTo(now);
            foreach (var e in interview.Log.Skip(before).OfType<InterviewerActed>())
                Transcript.WriteEvent(console, interview, e, interview.State.StartedAt);
            if (interview.Log.Count > before) await keeper.SaveAsync(interview.Log);
        }
    }

    /// <summary>Keeps a session as it grows: appended to the store (or rewritten, for a resumed session file), and exported to a file if asked.</summary>
    private sealed class SessionKeeper(SessionStore store, StoredSession session, string? export)
    {
        public string Name => session.Name;

        public async Task SaveAsync(IReadOnlyList<SessionEvent> log)
        {
            if (log.Count > session.Log.Count || session.Path is not null)
            {
                await store.SaveAsync(session, log);
                session = session with { Log = log.ToList() };
            }
            if (export is not null) SessionFile.Save(export, log);
        }
    }

    /// <summary>Longer messages are cut: a candidate's turn is conversation, not a document.</summary>
    public const int MaxMessage = 4000;

    private void Time(Interview interview, DateTimeOffset now)
    {
        var elapsed = interview.State.Elapsed(now);
        var left = interview.State.Plan.Length - elapsed;
        console.MarkupLineInterpolated($"[dim]{ReplayScript.Format(elapsed)} elapsed, {ReplayScript.Format(left < TimeSpan.Zero ? TimeSpan.Zero : left)} left[/]");
    }

    private void Summary(Interview interview)
    {
        if (interview.State.Slots.All(s => s.OpenedAt is null)) return;
        var e = Evaluator.Evaluate(interview.Log, interview.ScenarioOf, interview.Reader);
        console.Write(new Rule("[bold]Evaluation (draft)[/]").LeftJustified());
        console.MarkupLineInterpolated($"overall [bold]{e.Scores.Overall}[/] · process {e.Scores.DebuggingProcess} · knowledge {e.Scores.TechnicalKnowledge} · communication {e.Scores.Communication} · speed {e.Scores.Speed} · hints {EvaluationView.Name(e.HintsNeeded)} · [bold]{EvaluationView.Name(e.Recommendation)}[/]");
        foreach (var flag in e.RedFlags) console.MarkupLineInterpolated($"[red]{EvaluationView.Name(flag.Severity)}[/] {flag.Label}: {flag.Evidence}");
    }

    private static (Scenario, InterviewFormat)? Choose(ScenarioBank bank, Settings settings, Random random)
    {
        var level = WireNames.TryParse<Level>(settings.Level ?? "mid", out var l) ? l : Level.Mid;
        InterviewFormat? format = settings.Format is { } f && WireNames.TryParse<InterviewFormat>(f, out var parsed) ? parsed : null;
        Scenario? scenario;
        if (settings.Scenario is { } id)
        {
            scenario = bank.Find(id);
            if (scenario is null) { Console.Error.WriteLine($"error: no scenario with id '{id}'; 'bugtrail scenarios list' shows the ids"); return null; }
        }
        else
        {
            var suited = bank.Scenarios.Where(s => s.Levels.Contains(level) && (format is null || s.Formats.Contains(format.Value))).ToList();
            if (suited.Count == 0) { Console.Error.WriteLine($"error: no scenario suits level {WireNames.Of(level)}"); return null; }
            scenario = suited[random.Next(suited.Count)];
        }
        var chosenFormat = format ?? (scenario.Formats.Count == 1 ? scenario.Formats[0]
            : random.NextDouble() < PlanProposer.CodeReviewShare ? InterviewFormat.CodeReview : InterviewFormat.ProductionDebugging);
        if (!scenario.Formats.Contains(chosenFormat))
        {
            Console.Error.WriteLine($"error: scenario '{scenario.Id}' is not offered in {WireNames.Of(chosenFormat)} format");
            return null;
        }
        return (scenario, chosenFormat);
    }
}
