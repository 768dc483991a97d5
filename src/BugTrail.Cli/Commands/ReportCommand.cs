using System.ComponentModel;
using BugTrail.Cli.Output;
using BugTrail.Core.Evaluation;
using BugTrail.Core.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

public sealed class ReportCommand(IAnsiConsole console) : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<SESSION>")]
        [Description("A session: its id in the store (or the id's first 8 characters), or a session file.")]
        public string Session { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("md (default), html or json.")]
        public string Format { get; init; } = "md";

        [CommandOption("--out <FILE>")]
        [Description("Write the report to a file instead of standard output.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Format is "md" or "html" or "json" ? ValidationResult.Success() : ValidationResult.Error($"--format must be md, html or json (got '{Format}')");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var bank = settings.LoadBank();
        var store = settings.Store();
        if (await StoredSessions.LoadAsync(store, settings.Session) is not { } loaded) return BugTrailApp.Failed;
        if (StoredSessions.MissingScenario(loaded.Log, bank) is { } missing)
        {
            Console.Error.WriteLine($"error: the session uses scenario '{missing}', which is not in the loaded banks (add its bank with --bank)");
            return BugTrailApp.Failed;
        }
        var input = await StoredSessions.ReportAsync(loaded, store, bank);
        var text = settings.Format switch
        {
            "html" => HtmlReport.Write(input),
            "json" => System.Text.Json.JsonSerializer.Serialize(EvaluationView.Of(input.Evaluation), Json.Options),
            _ => MarkdownReport.Write(input),
        };
        if (settings.Out is { } file)
        {
            File.WriteAllText(file, text);
            console.MarkupLineInterpolated($"[dim]Report written to {file}[/]");
        }
        else Console.Out.WriteLine(text);
        return BugTrailApp.Ok;
    }
}
