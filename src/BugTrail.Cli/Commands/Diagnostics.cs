using BugTrail.Core.Scenarios.Loading;

namespace BugTrail.Cli.Commands;

/// <summary>Scenario errors go to standard error as <c>file:line: message</c>, so editors and CI can jump to them.</summary>
internal static class Diagnostics
{
    public static void Report(IReadOnlyList<Diagnostic> errors, bool skipped)
    {
        foreach (var error in errors) Console.Error.WriteLine(error.ToString());
        if (skipped && errors.Count > 0)
        {
            var files = errors.Select(e => Path.GetDirectoryName(e.File)).Distinct().Count();
            Console.Error.WriteLine($"{files} scenario folder(s) with errors were skipped; run 'bugtrail scenarios validate' for details.");
        }
    }
}
