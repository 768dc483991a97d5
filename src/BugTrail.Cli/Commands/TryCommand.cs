using System.ComponentModel;
using System.Globalization;
using BugTrail.Cli.Output;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Understanding;
using BugTrail.Meaning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

/// <summary>For scenario authors: how the interviewer reads one message, with the scores behind the reading.</summary>
public sealed class TryCommand(IAnsiConsole console) : Command<TryCommand.Settings>
{
    public sealed class Settings : BankSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The scenario id.")]
        public string Id { get; init; } = "";

        [CommandArgument(1, "<MESSAGE>")]
        [Description("A candidate's message, as they would type it.")]
        public string Message { get; init; } = "";

        [CommandOption("--code-visible")]
        [Description("Read it as if the candidate can see the code (code review, or after the code was shown).")]
        public bool CodeVisible { get; init; }

        [CommandOption("--json")]
        [Description("Print JSON (snake_case).")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var bank = settings.LoadBank();
        if (bank.Find(settings.Id) is not { } scenario)
        {
            Console.Error.WriteLine($"error: no scenario with id '{settings.Id}'; 'bugtrail scenarios list' shows the ids");
            return BugTrailApp.Failed;
        }
        var reading = EmbeddedReader.Shared.Explain(settings.Message, scenario, new ReadingContext(settings.CodeVisible));
        if (settings.Json)
        {
            Output.Json.Write(new
            {
                Scenario = scenario.Id,
                settings.CodeVisible,
                Message = settings.Message,
                Model = EmbeddedReader.Shared.ModelId,
                Intents = reading.Utterance.Intents.Select(IntentText.Of).ToList(),
                Rules = reading.Rules.Select(IntentText.Of).ToList(),
                Sentences = reading.Sentences.Select(s => new
                {
                    s.Text, s.Question, s.Hedged, s.Negated, s.Intent, s.IntentScore,
                    Evidence = s.Evidence is { } kind ? WireNames.Of(kind) : null, s.EvidenceScore, s.Fact, s.FactScore, s.RootCause, s.Fix, s.Wrong,
                }).ToList(),
            });
            return BugTrailApp.Ok;
        }
        console.MarkupLine($"[bold]Read as[/] ({(settings.CodeVisible ? "code visible" : "before the code")}):");
        if (reading.Utterance.Intents.Count == 0) console.MarkupLine("  [grey]nothing to act on (small talk or thinking aloud)[/]");
        foreach (var intent in reading.Utterance.Intents) console.MarkupLineInterpolated($"  • {IntentText.Of(intent)}");
        console.MarkupLineInterpolated($"[grey]The rules alone: {(reading.Rules.Count == 0 ? "nothing" : string.Join("; ", reading.Rules.Select(IntentText.Of)))}[/]");
        if (reading.Sentences.Count == 0) return BugTrailApp.Ok;
        var table = new Table().AddColumns("sentence", "kind", "nearest intent", "evidence", "fact", "root cause", "fix", "wrong claims");
        static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var s in reading.Sentences)
        {
            var kind = s.Question ? "question" : s.Negated ? "says fine" : s.Hedged ? "hedged" : "statement";
            table.AddRow(Markup.Escape(s.Text), kind, $"{Markup.Escape(s.Intent ?? "-")} {F(s.IntentScore)}",
                $"{(s.Evidence is { } e ? WireNames.Of(e) : "-")} {F(s.EvidenceScore)}", $"{Markup.Escape(s.Fact ?? "-")} {F(s.FactScore)}",
                F(s.RootCause), F(s.Fix), F(s.Wrong));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"[grey]Scores are cosine similarities ({EmbeddedReader.Shared.ModelId}); thresholds: evidence {F(EmbeddedReader.Shared.Thresholds.Evidence)}, fact {F(EmbeddedReader.Shared.Thresholds.Fact)}, root cause {F(EmbeddedReader.Shared.Thresholds.RootCause)}, fix {F(EmbeddedReader.Shared.Thresholds.Fix)}.[/]");
        return BugTrailApp.Ok;
    }
}
