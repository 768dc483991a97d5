using BugTrail.Meaning;
using System.ComponentModel;
using BugTrail.Core.Evaluation;
using BugTrail.Core.Reports;
using BugTrail.Core.Scenarios.Bank;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Sessions;
using Spectre.Console.Cli;

namespace BugTrail.Cli.Commands;

/// <summary>Commands that keep or read sessions: the local store (<c>--data DIR</c>, default $BUGTRAIL_DATA or ~/.local/share/bugtrail).</summary>
public class StoreSettings : BankSettings
{
    [CommandOption("--data <DIR>")]
    [Description("The data folder holding the session store. Default: $BUGTRAIL_DATA, else ~/.local/share/bugtrail.")]
    public string? Data { get; init; }

    public SessionStore Store() => new(Data ?? SessionStore.DefaultRoot());
}

/// <summary>Loading a stored session, scoring it, and placing it against the bar: shared by report and evaluate.</summary>
internal static class StoredSessions
{
    public static async Task<StoredSession?> LoadAsync(SessionStore store, string pathOrId)
    {
        try
        {
            var found = await store.FindAsync(pathOrId);
            if (found is null) Console.Error.WriteLine($"error: {pathOrId}: no such session (neither a file nor a session in {store.Root})");
            return found;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{pathOrId}:1: not a BugTrail session file ({e.Message})");
            return null;
        }
    }

    public static string? MissingScenario(IReadOnlyList<SessionEvent> log, ScenarioBank bank) =>
        bank.Missing(((InterviewStarted)log[0]).Plan);

    public static async Task<ReportInput> ReportAsync(StoredSession session, SessionStore store, ScenarioBank bank)
    {
        var evaluation = Evaluator.Evaluate(session.Log, id => bank.Find(id)!, EmbeddedReader.Shared);
        var started = (InterviewStarted)session.Log[0];
        var current = Bar.EntryOf(evaluation, started.At);
        var earlier = (await store.AllAsync())
            .Where(s => s.Name != session.Name && (s.Path is null || session.Path is null || Path.GetFullPath(s.Path) != Path.GetFullPath(session.Path)))
            .Where(s => MissingScenario(s.Log, bank) is null)
            .Select(s => Bar.EntryOf(Evaluator.Evaluate(s.Log, id => bank.Find(id)!, EmbeddedReader.Shared), ((InterviewStarted)s.Log[0]).At));
        return new ReportInput(evaluation, session.Log, Bar.Compare(current, earlier));
    }
}
