using BugTrail.Core.Evaluation;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;

namespace BugTrail.Web.Services;

/// <summary>
/// What lists and the bar read: the per-session summary rows, kept by the writer that ends a session
/// (<see cref="LiveInterviews"/>) and paged and filtered in the database. A row behind its log — the CLI appended an
/// override, or the row predates summaries — is folded once here and stored, so no list load re-folds every log.
/// </summary>
public sealed class SessionSummaries(SessionRepository repository, ScenarioCatalog catalog, ILogger<SessionSummaries> log)
{
    public const int PageSize = 50;

    public async Task<(IReadOnlyList<InterviewRecord> Page, int Total)> PageAsync(SessionFilter filter, int page, CancellationToken cancel = default)
    {
        await RefreshAsync(cancel);
        return await repository.PageAsync(filter, Math.Max(0, page) * PageSize, PageSize, cancel);
    }

    /// <summary>Every ended interview as the bar (guide I) compares them.</summary>
    public async Task<IReadOnlyList<BarEntry>> BarAsync(CancellationToken cancel = default)
    {
        await RefreshAsync(cancel);
        return await repository.BarEntriesAsync(cancel);
    }

    /// <summary>The summary of a whole log, as the writer that has it in hand stores it: only an ended session is evaluated.</summary>
    public static InterviewEvaluation? Evaluate(IReadOnlyList<SessionEvent> events, bool ended, ScenarioCatalog catalog) =>
        ended && catalog.Bank.Missing(((InterviewStarted)events[0]).Plan) is null ? Evaluator.Evaluate(events, catalog.Get, catalog.Reader) : null;

    private async Task RefreshAsync(CancellationToken cancel)
    {
        foreach (var (id, ended) in await repository.StaleSummariesAsync(cancel))
        {
            try
            {
                var events = await repository.LoadAsync(id, cancel);
                await repository.SaveSummaryAsync(id, events.Count, ((InterviewStarted)events[0]).Plan, Evaluate(events, ended, catalog), cancel);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or InvalidCastException)
            {
                // One unreadable log must not take the list down; it stays stale and is reported each time.
                log.LogWarning("session {Id}: its log cannot be summarized ({Message})", id, e.Message);
            }
        }
    }
}
