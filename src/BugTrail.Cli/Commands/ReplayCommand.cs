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
        [Description("A replay file: a scripted candidate (docs/replay.md).")]
        public string File { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the interviewer's actions as JSON (snake_case).")]
        public bool Json { get; init; }
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
            var script = ReplayScript.Parse(settings.File, System.IO.File.ReadAllText(settings.File));
            result = ReplayRunner.Run(script, bank, settings.File);
        }
        catch (ReplayFormatException e)
        {
            Console.Error.WriteLine(e.Diagnostic.ToString());
            return BugTrailApp.Failed;
        }
        if (settings.Json) Json.Write(ReplayJson.Of(result));
        else Transcript.Write(console, result.Interview, ReplayRunner.Origin);
        return BugTrailApp.Ok;
    }
}
