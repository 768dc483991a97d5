using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BugTrail.Core.Evaluation;
using BugTrail.Core.Scenarios;
using BugTrail.Core.Sessions;
using BugTrail.Storage.Sessions;
using Microsoft.EntityFrameworkCore;

namespace BugTrail.Storage.Database;

/// <summary>Someone else appended to the log first; reload and decide again.</summary>
public sealed class ConcurrentAppendException(Guid id) : Exception($"session {id} changed while appending; reload and retry");

/// <summary>Which sessions a list shows: null/false means any.</summary>
public sealed record SessionFilter(InterviewKind? Kind = null, string? ScenarioId = null, bool EndedOnly = false);

/// <summary>
/// Sessions as append-only event logs in the database. An append commits only if nobody appended since
/// the caller read the log: the log's length is the concurrency token and (session, sequence) the key.
/// </summary>
public sealed class SessionRepository(IDbContextFactory<BugTrailDb> factory)
{
    public async Task<(Guid Id, string CandidateToken)> CreateAsync(
        InterviewKind kind, string candidateName, string? createdBy, IReadOnlyList<SessionEvent> log,
        IReadOnlyDictionary<string, string> scenarioVersions, CancellationToken cancel = default)
    {
        var (record, token) = NewRecord(kind, candidateName, createdBy, (InterviewStarted)log[0], scenarioVersions);
        record.EventCount = log.Count;
        await using var db = await factory.CreateDbContextAsync(cancel);
        db.Interviews.Add(record);
        db.Events.AddRange(log.Select((e, i) => Record(record.Id, i, e)));
        await db.SaveChangesAsync(cancel);
        return (record.Id, token);
    }

    /// <summary>
    /// Creates an interview that starts later: nothing is in its log until <see cref="PlannedStartAsync"/>'s plan is started
    /// (by the first append), so its clock runs from the candidate's start, not from its creation.
    /// </summary>
    public async Task<(Guid Id, string CandidateToken)> CreateNotStartedAsync(
        string candidateName, string? createdBy, InterviewStarted planned, IReadOnlyDictionary<string, string> scenarioVersions, CancellationToken cancel = default)
    {
        var (record, token) = NewRecord(InterviewKind.Interview, candidateName, createdBy, planned, scenarioVersions);
        record.PendingStart = SessionCodec.Encode(planned).ToJsonString();
        await using var db = await factory.CreateDbContextAsync(cancel);
        db.Interviews.Add(record);
        await db.SaveChangesAsync(cancel);
        return (record.Id, token);
    }

    /// <summary>A new session's row, dated and summarised from its first entry, with a fresh candidate link.</summary>
    private static (InterviewRecord Record, string Token) NewRecord(
        InterviewKind kind, string candidateName, string? createdBy, InterviewStarted start, IReadOnlyDictionary<string, string> scenarioVersions)
    {
        var token = NewToken();
        return (new InterviewRecord
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            CandidateName = candidateName,
            CandidateTokenHash = Hash(token),
            CreatedBy = createdBy,
            CreatedAt = start.At,
            CreatedTicks = start.At.UtcTicks,
            ScenarioVersions = VersionsJson(scenarioVersions),
            Level = WireNames.Of(start.Plan.Level),
            Scenarios = ScenariosOf(start.Plan),
        }, token);
    }

    private static string VersionsJson(IReadOnlyDictionary<string, string> versions) =>
        new JsonObject(versions.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))).ToJsonString();

    /// <summary>Records which version of each scenario a session uses (a planned interview records them again at its start).</summary>
    public async Task SetScenarioVersionsAsync(Guid id, IReadOnlyDictionary<string, string> scenarioVersions, CancellationToken cancel = default)
    {
        var json = VersionsJson(scenarioVersions);
        await using var db = await factory.CreateDbContextAsync(cancel);
        await db.Interviews.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.ScenarioVersions, json), cancel);
    }

    /// <summary>The plan of an interview not yet started, or null once it has (or when there is no such session).</summary>
    public async Task<InterviewStarted?> PlannedStartAsync(Guid id, CancellationToken cancel = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        var pending = await db.Interviews.AsNoTracking().Where(i => i.Id == id && i.EventCount == 0).Select(i => i.PendingStart).SingleOrDefaultAsync(cancel);
        return pending is null ? null : (InterviewStarted)SessionCodec.Decode((JsonObject)JsonNode.Parse(pending)!);
    }

    /// <summary>
    /// Appends events after the first <paramref name="expectedCount"/>; throws <see cref="ConcurrentAppendException"/> if the
    /// log moved on. A writer that evaluated the whole log (an ended session) passes the evaluation, kept as the summary.
    /// </summary>
    public async Task AppendAsync(Guid id, int expectedCount, IReadOnlyList<SessionEvent> events, bool ended,
        InterviewEvaluation? evaluation = null, CancellationToken cancel = default)
    {
        if (events.Count == 0) return;
        await using var db = await factory.CreateDbContextAsync(cancel);
        var interview = await db.Interviews.SingleAsync(i => i.Id == id, cancel);
        if (interview.EventCount != expectedCount) throw new ConcurrentAppendException(id);
        interview.EventCount = expectedCount + events.Count;
        interview.Ended = ended;
        if (interview.PendingStart is not null)
        {
            // The first append starts a planned interview: from now on the session dates from its start (the bar compares
            // candidates in the order they sat the interview, and the report dates it the same way).
            interview.PendingStart = null;
            interview.CreatedAt = events[0].At;
            interview.CreatedTicks = events[0].At.UtcTicks;
        }
        if (evaluation is not null) Summarize(interview, interview.EventCount, evaluation);
        db.Events.AddRange(events.Select((e, i) => Record(id, expectedCount + i, e)));
        try { await db.SaveChangesAsync(cancel); }
        // Another writer got there first: the count moved, or its rows took these sequence numbers. Anything else (a full
        // disk, a read-only database) is a storage failure and surfaces as one, never as a conflict to retry.
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsDuplicateKey(e.InnerException)) { throw new ConcurrentAppendException(id); }
    }

    private static bool IsDuplicateKey(Exception? e) => e switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,   // SQLITE_CONSTRAINT_PRIMARYKEY, _UNIQUE
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    public async Task<IReadOnlyList<SessionEvent>> LoadAsync(Guid id, CancellationToken cancel = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        var rows = await db.Events.Where(e => e.InterviewId == id).OrderBy(e => e.Sequence).Select(e => e.Json).ToListAsync(cancel);
        return rows.Select(json => SessionCodec.Decode((JsonObject)JsonNode.Parse(json)!)).ToList();
    }

    public async Task<InterviewRecord?> FindAsync(Guid id, CancellationToken cancel = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        return await db.Interviews.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancel);
    }

    /// <summary>The session a candidate link opens, or null: a token opens its own room and nothing else.</summary>
    public async Task<InterviewRecord?> FindByTokenAsync(string token, CancellationToken cancel = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Hash(token);
        await using var db = await factory.CreateDbContextAsync(cancel);
        return await db.Interviews.AsNoTracking().SingleOrDefaultAsync(i => i.CandidateTokenHash == hash, cancel);
    }

    /// <summary>Issues a new candidate link for a session; the old one stops working.</summary>
    public async Task<string?> RotateTokenAsync(Guid id, CancellationToken cancel = default)
    {
        // Only the token's hash changes, so a room appending at the same instant neither conflicts with this nor loses to it.
        var token = NewToken();
        await using var db = await factory.CreateDbContextAsync(cancel);
        var changed = await db.Interviews.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.CandidateTokenHash, Hash(token)), cancel);
        return changed == 0 ? null : token;
    }

    /// <summary>Sessions whose summary is behind their log (an ended session appended to by a writer that did not evaluate).</summary>
    public async Task<IReadOnlyList<(Guid Id, bool Ended)>> StaleSummariesAsync(CancellationToken cancel = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        var stale = await db.Interviews.AsNoTracking().Where(i => i.Level == "" || i.Ended && i.SummaryVersion != i.EventCount)
            .Select(i => new { i.Id, i.Ended }).ToListAsync(cancel);
        return stale.Select(i => (i.Id, i.Ended)).ToList();
    }

    /// <summary>
    /// Brings a session's summary up to the log of <paramref name="version"/> events it was computed from; nothing is
    /// written when the log has moved on since (the next writer or reader refreshes it).
    /// </summary>
    public async Task SaveSummaryAsync(Guid id, int version, InterviewPlan plan, InterviewEvaluation? evaluation, CancellationToken cancel = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        var interview = await db.Interviews.SingleOrDefaultAsync(i => i.Id == id, cancel);
        if (interview is null || interview.EventCount != version) return;
        interview.Level = WireNames.Of(plan.Level);
        interview.Scenarios = ScenariosOf(plan);
        interview.CreatedTicks = interview.CreatedAt.UtcTicks;   // a row from before summaries has none
        if (evaluation is not null && interview.Ended) Summarize(interview, version, evaluation);
        else interview.SummaryVersion = version;
        try { await db.SaveChangesAsync(cancel); }
        catch (DbUpdateConcurrencyException) { }   // appended meanwhile: that append's writer or the next reader summarizes
    }

    /// <summary>One page of the session list, newest first, filtered in the database.</summary>
    public async Task<(IReadOnlyList<InterviewRecord> Page, int Total)> PageAsync(SessionFilter filter, int skip, int take, CancellationToken cancel = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        var query = db.Interviews.AsNoTracking();
        if (filter.Kind is { } kind) query = query.Where(i => i.Kind == kind);
        if (filter.EndedOnly) query = query.Where(i => i.Ended);
        if (filter.ScenarioId is { Length: > 0 } scenario)
            query = query.Where(i => i.Scenarios == scenario || i.Scenarios.StartsWith(scenario + "+") || i.Scenarios.EndsWith("+" + scenario) || i.Scenarios.Contains("+" + scenario + "+"));
        var total = await query.CountAsync(cancel);
        var page = await query.OrderByDescending(i => i.CreatedTicks).ThenBy(i => i.Id).Skip(skip).Take(take).ToListAsync(cancel);
        return (page, total);
    }

    /// <summary>
    /// The bar's population (guide I): every ended interview with a summary, as the bar compares them. Practice sessions
    /// are anonymous and unsupervised, so they are not a hiring bar.
    /// </summary>
    public async Task<IReadOnlyList<BarEntry>> BarEntriesAsync(CancellationToken cancel = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        var rows = await db.Interviews.AsNoTracking()
            .Where(i => i.Kind == InterviewKind.Interview && i.Ended && i.Overall != null)
            .Select(i => new { i.Level, i.Scenarios, i.CreatedAt, i.Overall, i.MinutesToSolve }).ToListAsync(cancel);
        var entries = new List<BarEntry>();
        foreach (var r in rows)
            if (WireNames.TryParse<Level>(r.Level, out var level))
                entries.Add(new BarEntry(level, r.Scenarios, r.CreatedAt, r.Overall!.Value, r.MinutesToSolve is { } m ? TimeSpan.FromMinutes(m) : null));
        return entries;
    }

    public async Task<IReadOnlyList<InterviewRecord>> ListAsync(CancellationToken cancel = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        var all = await db.Interviews.AsNoTracking().ToListAsync(cancel);
        return all.OrderByDescending(i => i.CreatedAt).ToList();
    }

    /// <summary>The scenarios of interviews not yet ended: never offered for practice while a candidate may be working on them.</summary>
    public async Task<IReadOnlySet<string>> ScenariosInLiveInterviewsAsync(CancellationToken cancel = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancel);
        var versions = await db.Interviews.AsNoTracking().Where(i => i.Kind == InterviewKind.Interview && !i.Ended)
            .Select(i => i.ScenarioVersions).ToListAsync(cancel);
        return versions.SelectMany(v => JsonNode.Parse(v) is JsonObject o ? o.Select(kv => kv.Key) : []).ToHashSet(StringComparer.Ordinal);
    }

    private static string ScenariosOf(InterviewPlan plan) => string.Join("+", plan.Scenarios.Select(p => p.ScenarioId));

    private static void Summarize(InterviewRecord interview, int version, InterviewEvaluation evaluation)
    {
        interview.SummaryVersion = version;
        interview.Overall = evaluation.Scores.Overall;
        interview.Recommendation = WireNames.Of(evaluation.Recommendation);
        interview.MinutesToSolve = evaluation.TimeToSolve?.TotalMinutes;
    }

    /// <summary>A fresh candidate link's token: 256 random bits, URL-safe.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static EventRecord Record(Guid id, int sequence, SessionEvent e)
    {
        var json = SessionCodec.Encode(e);
        return new EventRecord { InterviewId = id, Sequence = sequence, Type = json["type"]!.GetValue<string>(), At = e.At, Json = json.ToJsonString() };
    }
}
