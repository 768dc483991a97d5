using System.ComponentModel;
using System.Threading.Channels;
using BugTrail.Cli.Output;
using BugTrail.Core.Policy;
using BugTrail.Core.Replay;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Sessions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

/// <summary>A real interview in the terminal against the automated interviewer, on the real clock.</summary>
public sealed class PracticeCommand(IAnsiConsole console) : AsyncCommand<PracticeCommand.Settings>
{
    public sealed class Settings : BankSettings
    {
        [CommandOption("--scenario <ID>")]
        [Description("The scenario to practise. Default: one suited to --level, chosen at random.")]
        public string? Scenario { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("code-review or production-debugging. Default: the guide's mix (60% code review).")]
        public string? Format { get; init; }

        [CommandOption("--level <LEVEL>")]
        [Description("junior, mid or senior. Default: mid.")]
        public string Level { get; init; } = "mid";

        [CommandOption("--minutes <MINUTES>")]
        [Description("Length of the interview. Default: the guide's limit for the scenario's difficulty plus follow-ups.")]
        public int? Minutes { get; init; }

        [CommandOption("--session <FILE>")]
        [Description("Where to keep the session log (saved after every event). Default: sessions/<time>-<scenario>.json")]
        public string? Session { get; init; }

        [CommandOption("--resume <FILE>")]
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
        string path;
        if (settings.Resume is { } resume)
        {
            if (!File.Exists(resume)) { Console.Error.WriteLine($"error: {resume}: no such session file"); return BugTrailApp.UsageError; }
            IReadOnlyList<SessionEvent> stored;
            try { stored = SessionFile.Load(resume); }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {resume}: not a BugTrail session file ({e.Message})");
                return BugTrailApp.Failed;
            }
            var missing = ((InterviewStarted)stored[0]).Plan.Scenarios.Select(s => s.ScenarioId).FirstOrDefault(id => bank.Find(id) is null);
            if (missing is not null) { Console.Error.WriteLine($"error: the session uses scenario '{missing}', which is not in the loaded banks"); return BugTrailApp.Failed; }
            interview = Interview.Resume(stored, id => bank.Find(id)!);
            path = resume;
            Transcript.Write(console, interview, interview.State.StartedAt);
            console.MarkupLine("[dim]— resumed —[/]");
        }
        else
        {
            var chosen = Choose(bank, settings);
            if (chosen is null) return BugTrailApp.Failed;
            var (scenario, format) = chosen.Value;
            var level = WireNames.TryParse<Level>(settings.Level, out var l) ? l : Level.Mid;
            var plan = InterviewPlan.Single(scenario, format, level, settings.Minutes is { } m ? TimeSpan.FromMinutes(m) : null);
            path = settings.Session ?? Path.Combine("sessions", $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{scenario.Id}.json");
            console.Write(new Rule($"[bold]BugTrail practice[/] · {Markup.Escape(scenario.Title)}").LeftJustified());
            console.MarkupLineInterpolated($"[dim]{WireNames.Of(format)} · {WireNames.Of(level)} · {(int)plan.Length.TotalMinutes} minutes · type freely; /help lists commands; /time shows the clock; /quit saves and stops[/]");
            interview = Interview.Start(plan, clock.GetUtcNow(), id => bank.Find(id)!);
            foreach (var e in interview.Log) Transcript.WriteEvent(console, interview, e, interview.State.StartedAt);
        }
        SessionFile.Save(path, interview.Log);
        await Converse(interview, clock, path, cancellationToken);
        SessionFile.Save(path, interview.Log);
        console.MarkupLineInterpolated($"[dim]Session saved to {path} (resume with: bugtrail practice --resume {path})[/]");
        return BugTrailApp.Ok;
    }

    private async Task Converse(Interview interview, TimeProvider clock, string path, CancellationToken cancellationToken)
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
            if (interview.Log.Count > before) SessionFile.Save(path, interview.Log);
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

    private static (Scenario, InterviewFormat)? Choose(ScenarioBank bank, Settings settings)
    {
        var level = WireNames.TryParse<Level>(settings.Level, out var l) ? l : Level.Mid;
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
            if (suited.Count == 0) { Console.Error.WriteLine($"error: no scenario suits level {settings.Level}"); return null; }
            scenario = suited[Random.Shared.Next(suited.Count)];
        }
        var chosenFormat = format ?? (scenario.Formats.Count == 1 ? scenario.Formats[0]
            : Random.Shared.NextDouble() < 0.6 ? InterviewFormat.CodeReview : InterviewFormat.ProductionDebugging);
        if (!scenario.Formats.Contains(chosenFormat))
        {
            Console.Error.WriteLine($"error: scenario '{scenario.Id}' is not offered in {WireNames.Of(chosenFormat)} format");
            return null;
        }
        return (scenario, chosenFormat);
    }
}
