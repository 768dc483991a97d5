using System.ComponentModel;
using BugTrail.Cli.Output;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Scenarios.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

public sealed class ShowCommand(IAnsiConsole console) : Command<ShowCommand.Settings>
{
    public sealed class Settings : BankSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The scenario id.")]
        public string Id { get; init; } = "";

        [CommandOption("--as <VIEW>")]
        [Description("candidate (only what a candidate sees at the opening) or interviewer (everything). Default: interviewer.")]
        public string As { get; init; } = "interviewer";

        [CommandOption("--format <FORMAT>")]
        [Description("The interview format of the candidate view: code-review or production-debugging. Default: production-debugging when offered.")]
        public string? Format { get; init; }

        [CommandOption("--json")]
        [Description("Print JSON (snake_case).")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            As is not ("candidate" or "interviewer")
                ? ValidationResult.Error($"--as must be candidate or interviewer (got '{As}')")
                : Filters.Check<InterviewFormat>("--format", Format) ?? ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var bank = settings.LoadBank();
        var scenario = bank.Find(settings.Id);
        if (scenario is null)
        {
            var broken = bank.Errors.Where(e => e.File.Contains(settings.Id, StringComparison.Ordinal)).ToList();
            Diagnostics.Report(broken, skipped: false);
            Console.Error.WriteLine(broken.Count > 0
                ? $"error: scenario '{settings.Id}' has errors and was not loaded"
                : $"error: no scenario with id '{settings.Id}'; 'bugtrail scenarios list' shows the ids");
            return BugTrailApp.Failed;
        }

        if (settings.As == "interviewer")
        {
            if (settings.Json) Json.Write(ScenarioJson.InterviewerOf(scenario));
            else console.Write(ScenarioConsole.Interviewer(scenario));
            return BugTrailApp.Ok;
        }

        var format = settings.Format is null ? CandidateOpening.DefaultFormat(scenario) : Parse(settings.Format);
        if (!scenario.Formats.Contains(format))
        {
            Console.Error.WriteLine($"error: scenario '{scenario.Id}' is not offered in {WireNames.Of(format)} format");
            return BugTrailApp.Failed;
        }
        var opening = CandidateOpening.Of(scenario, format);
        if (settings.Json) Json.Write(ScenarioJson.CandidateOf(opening));
        else console.Write(ScenarioConsole.Candidate(opening));
        return BugTrailApp.Ok;
    }

    private static InterviewFormat Parse(string format) =>
        WireNames.TryParse<InterviewFormat>(format, out var f) ? f : throw new ArgumentException(format);
}
