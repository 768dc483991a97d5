using BugTrail.Cli;

return await BugTrailApp.RunAsync(args, Spectre.Console.AnsiConsole.Console);
