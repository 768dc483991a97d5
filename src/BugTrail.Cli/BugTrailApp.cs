using BugTrail.Cli.Commands;
using BugTrail.Storage.Banks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BugTrail.Cli;

/// <summary>The <c>bugtrail</c> command line: wiring only; each command lives in its own file.</summary>
public static class BugTrailApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("bugtrail");
            config.ConfigureConsole(console);
            config.PropagateExceptions();
            config.AddBranch("scenarios", scenarios =>
            {
                scenarios.SetDescription("List, show and validate interview scenarios.");
                scenarios.AddCommand<ListCommand>("list").WithDescription("List the scenarios of every loaded bank.");
                scenarios.AddCommand<ShowCommand>("show").WithDescription("Show one scenario as a candidate or an interviewer sees it.");
                scenarios.AddCommand<ValidateCommand>("validate").WithDescription("Check scenarios against the format and the guide's rules.");
                scenarios.AddCommand<TryCommand>("try").WithDescription("How the interviewer reads a message in a scenario: intents and the scores behind them.");
            });
            config.AddCommand<PracticeCommand>("practice").WithDescription("A real interview in the terminal against the automated interviewer.");
            config.AddCommand<PlanCommand>("plan").WithDescription("Propose an interview plan by level and length (guide F and G).");
            config.AddCommand<ReportCommand>("report").WithDescription("The post-interview evaluation of a session: Markdown, HTML or JSON.");
            config.AddCommand<EvaluateCommand>("evaluate").WithDescription("Show a session's scores; tick, untick, rescore or change the recommendation with a reason.");
            config.AddCommand<ReplayCommand>("replay").WithDescription("Play a scripted candidate against the interviewer on a virtual clock.");
        });
        try
        {
            return await app.RunAsync(BankOption.MoveToEnd(args));
        }
        catch (BankNotFoundException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return UsageError;
        }
        catch (CommandAppException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return UsageError;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return Failed;
        }
        catch (UnauthorizedAccessException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return Failed;
        }
    }
}
