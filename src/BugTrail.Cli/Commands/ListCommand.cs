using System.ComponentModel;
using BugTrail.Cli.Output;
using BugTrail.Core.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

public sealed class ListCommand(IAnsiConsole console) : Command<ListCommand.Settings>
{
    public sealed class Settings : BankSettings
    {
        [CommandOption("--json")]
        [Description("Print JSON (snake_case) instead of a table.")]
        public bool Json { get; init; }

        [CommandOption("--level <LEVEL>")]
        [Description("junior, mid or senior.")]
        public string? Level { get; init; }

        [CommandOption("--difficulty <DIFFICULTY>")]
        [Description("easy, medium or hard.")]
        public string? Difficulty { get; init; }

        [CommandOption("--category <CATEGORY>")]
        [Description("gradient, architecture, numerical_stability, data_pipeline or training_loop.")]
        public string? Category { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("code-review or production-debugging.")]
        public string? Format { get; init; }

        public override ValidationResult Validate() =>
            Filters.Check<Level>("--level", Level) ?? Filters.Check<Difficulty>("--difficulty", Difficulty)
            ?? Filters.Check<BugCategory>("--category", Category) ?? Filters.Check<InterviewFormat>("--format", Format)
            ?? ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var bank = settings.LoadBank();
        Diagnostics.Report(bank.Errors, skipped: true);
        var chosen = bank.Scenarios
            .Where(s => Filters.Match(settings.Level, s.Levels))
            .Where(s => Filters.Match(settings.Difficulty, [s.Difficulty]))
            .Where(s => Filters.Match(settings.Category, [s.Category]))
            .Where(s => Filters.Match(settings.Format, s.Formats))
            .OrderBy(s => s.Difficulty).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        if (settings.Json) Json.Write(chosen.Select(ScenarioJson.SummaryOf));
        else console.Write(ScenarioConsole.List(chosen));
        return BugTrailApp.Ok;
    }
}

internal static class Filters
{
    public static ValidationResult? Check<TEnum>(string option, string? value) where TEnum : struct, Enum =>
        value is null || WireNames.TryParse<TEnum>(value, out _)
            ? null
            : ValidationResult.Error($"{option} must be one of {string.Join(", ", WireNames.All<TEnum>())} (got '{value}')");

    public static bool Match<TEnum>(string? wanted, IEnumerable<TEnum> values) where TEnum : struct, Enum =>
        wanted is null || (WireNames.TryParse<TEnum>(wanted, out var w) && values.Contains(w));
}
