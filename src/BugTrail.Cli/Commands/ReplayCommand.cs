using BugTrail.Meaning;
using System.ComponentModel;
using BugTrail.Cli.Output;
using BugTrail.Core.Replay;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

public sealed class ReplayCommand(IAnsiConsole console) : Command<ReplayCommand.Settings>
{
    public sealed class Settings : BankSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A replay file (a scripted candidate, docs/replay.md), or a saved practice session (.json) to replay its candidate's turns.")]
        public string File { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the interviewer's actions as JSON (snake_case).")]
        public bool Json { get; init; }

        [CommandOption("--save <FILE>")]
        [Description("Also save the replayed session, for 'bugtrail report' and the bar.")]
        public string? Save { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            Console.Error.WriteLine($"error: {settings.File}: no such replay file");
            return BugTrailApp.UsageError;
        }
        var bank = settings.LoadBank();
        ReplayResult result;
        try
        {
            result = settings.File.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? FromSession(settings.File, bank)
                : ReplayRunner.Run(ReplayScript.Parse(settings.File, System.IO.File.ReadAllText(settings.File)), bank, EmbeddedReader.Shared, settings.File);
        }
        catch (ReplayFormatException e)
        {
            Console.Error.WriteLine(e.Diagnostic.ToString());
            return BugTrailApp.Failed;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"{settings.File}:1: not a BugTrail session file ({e.Message})");
            return BugTrailApp.Failed;
        }
        if (settings.Save is { } save) BugTrail.Storage.Sessions.SessionFile.Save(save, result.Interview.Log);
        if (settings.Json) Json.Write(ReplayJson.Of(result));
        else Transcript.Write(console, result.Interview, ReplayRunner.Origin);
        return BugTrailApp.Ok;
    }

    /// <summary>A stored session replayed: its candidate's turns, at their times, against the interviewer as it is now.</summary>
    private static ReplayResult FromSession(string file, BugTrail.Core.Scenarios.Bank.ScenarioBank bank)
    {
        var log = BugTrail.Storage.Sessions.SessionFile.Load(file);
        var started = (BugTrail.Core.Sessions.InterviewStarted)log[0];
        if (StoredSessions.MissingScenario(log, bank) is { } missing)
            throw new ReplayFormatException(new(file, 1, $"unknown scenario '{missing}'; 'bugtrail scenarios list' shows the ids"));
        var turns = log.OfType<BugTrail.Core.Sessions.CandidateSaid>().Select(c => new ScriptedTurn(c.At - started.At, c.Text)).ToList();
        return ReplayRunner.Run(started.Plan, turns, log[^1].At - started.At, bank, EmbeddedReader.Shared);
    }
}
