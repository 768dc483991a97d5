using System.Collections.Concurrent;
using BugTrail.Core.Evaluation;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Database;

namespace BugTrail.Web.Services;

/// <summary>What the interview list and the bar show of one session, as of a given length of its log.</summary>
public sealed record SessionSummary(InterviewRecord Record, string Level, string Scenarios, InterviewEvaluation? Evaluation);

/// <summary>
/// The list's view of each session, folded once per version of its log: a session is read and evaluated again only when
/// its log has grown since (its event count is the version), so loading the dashboard does not re-fold every session.
/// </summary>
public sealed class SessionSummaries(SessionRepository repository, ScenarioCatalog catalog)
{
    private readonly ConcurrentDictionary<Guid, (int Events, SessionSummary Summary)> folded = new();

    public async Task<IReadOnlyList<SessionSummary>> ListAsync(CancellationToken cancel = default)
    {
        var list = new List<SessionSummary>();
        foreach (var record in await repository.ListAsync(cancel))
        {
            if (folded.TryGetValue(record.Id, out var known) && known.Events == record.EventCount)
            {
                list.Add(known.Summary with { Record = record });
                continue;
            }
            var log = await repository.LoadAsync(record.Id, cancel);
            var started = (InterviewStarted)log[0];
            var evaluation = catalog.Bank.Missing(started.Plan) is null ? Evaluator.Evaluate(log, catalog.Get, catalog.Reader) : null;
            var summary = new SessionSummary(record, WireNames.Of(started.Plan.Level), string.Join("+", started.Plan.Scenarios.Select(p => p.ScenarioId)), evaluation);
            folded[record.Id] = (log.Count, summary);
            list.Add(summary);
        }
        return list;
    }
}
